package app

import (
	"testing"
	"time"
)

func TestIdleTimer(t *testing.T) {
	type step struct {
		advance time.Duration
		touch   bool
		expired bool
	}
	tests := []struct {
		name  string
		limit time.Duration
		steps []step
	}{
		{"not expired one second before the limit", 5 * time.Minute, []step{
			{advance: 5*time.Minute - time.Second, expired: false},
		}},
		{"expired at the limit", 5 * time.Minute, []step{
			{advance: 5 * time.Minute, expired: true},
		}},
		{"expired after the limit", 5 * time.Minute, []step{
			{advance: 7 * time.Minute, expired: true},
		}},
		{"input resets the quiet period", 5 * time.Minute, []step{
			{advance: 4 * time.Minute, touch: true, expired: false},
			{advance: 4 * time.Minute, expired: false},
			{advance: time.Minute, expired: true},
		}},
		{"input after expiry revives it", time.Minute, []step{
			{advance: 2 * time.Minute, expired: true},
			{touch: true, expired: false},
		}},
		{"one minute limit", time.Minute, []step{
			{advance: 59 * time.Second, expired: false},
			{advance: time.Second, expired: true},
		}},
		{"zero limit never expires", 0, []step{
			{advance: 24 * time.Hour, expired: false},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			clock := &fakeClock{t: testDay}
			timer := newIdleTimer(clock.now)
			timer.Start(tc.limit)
			for i, s := range tc.steps {
				clock.advance(s.advance)
				if s.touch {
					timer.Touch()
				}
				if got := timer.Expired(); got != s.expired {
					t.Fatalf("step %d: Expired() = %v, want %v", i, got, s.expired)
				}
			}
		})
	}
}

func TestIdleTimerStopped(t *testing.T) {
	clock := &fakeClock{t: testDay}
	timer := newIdleTimer(clock.now)
	clock.advance(time.Hour)
	if timer.Expired() {
		t.Fatal("a timer never started expired")
	}
	timer.Start(time.Minute)
	timer.Stop()
	clock.advance(time.Hour)
	timer.Touch()
	if timer.Expired() || timer.Limit() != 0 {
		t.Fatal("a stopped timer expired or kept its limit")
	}
	timer.Start(time.Minute)
	if timer.Expired() {
		t.Fatal("a restarted timer counted the time it was stopped")
	}
}

func TestIdleMinutes(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want time.Duration
	}{
		{1, time.Minute}, {5, 5 * time.Minute}, {120, 2 * time.Hour},
		{0, fallbackIdleMinutes * time.Minute}, {-3, fallbackIdleMinutes * time.Minute},
	} {
		if got := idleMinutes(tc.n); got != tc.want {
			t.Errorf("idleMinutes(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}
