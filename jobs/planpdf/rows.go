package planpdf

import "strings"

// lineHeight is the height of one line of text at size points, in millimetres.
func lineHeight(size float64) float64 { return size * ptToMM * leading }

// setStyle selects the font and colour of r.
func (l *layouter) setStyle(r run) {
	style := ""
	if r.bold {
		style = "B"
	}
	l.pdf.SetFont("sans", style, r.size)
	c := colourText
	if r.muted {
		c = colourMuted
	}
	l.pdf.SetTextColor(c[0], c[1], c[2])
}

// runsHeight is the height of runs wrapped to width w.
func (l *layouter) runsHeight(runs []run, w float64) float64 {
	h := 0.0
	for _, r := range runs {
		if r.text == "" || w <= 0 {
			continue
		}
		l.setStyle(r)
		h += float64(len(l.wrap(r.text, w)))*lineHeight(r.size) + r.after
	}
	return h
}

// drawRuns writes runs wrapped to width w from (x, y) down.
func (l *layouter) drawRuns(runs []run, x, y, w float64) {
	for _, r := range runs {
		if r.text == "" || w <= 0 {
			continue
		}
		l.setStyle(r)
		lh := lineHeight(r.size)
		for _, line := range l.wrap(r.text, w) {
			l.pdf.SetXY(x, y)
			l.pdf.CellFormat(w, lh, line, "", 0, "L", false, 0, "")
			y += lh
		}
		y += r.after
	}
}

// bandHeight is the height of b in columns c: the taller of its two columns.
func (l *layouter) bandHeight(b band, c columns) float64 {
	return max(l.runsHeight(b.left, c.wLeft), l.runsHeight(b.right, c.wRight)) + b.after
}

// wrap breaks text into lines no wider than w in the current font, at ordinary spaces only:
// a no-break space (which dates use) keeps its words together, and a run of spaces (between
// "who" and "by when") is kept inside a line and dropped where the line breaks. A word wider
// than a line is broken between letters.
func (l *layouter) wrap(text string, w float64) []string {
	var lines []string
	line, lineW := "", 0.0
	space := l.pdf.GetStringWidth(" ")
	gap := 0
	for _, word := range strings.Split(text, " ") {
		if word == "" {
			gap++
			continue
		}
		wordW := l.pdf.GetStringWidth(word)
		if line != "" && lineW+float64(gap+1)*space+wordW <= w {
			line += strings.Repeat(" ", gap+1) + word
			lineW += float64(gap+1)*space + wordW
			gap = 0
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		gap = 0
		for wordW > w {
			head, rest := l.breakWord(word, w)
			lines = append(lines, head)
			word = rest
			wordW = l.pdf.GetStringWidth(word)
		}
		line, lineW = word, wordW
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// breakWord splits word after as many letters as fit in w (at least one).
func (l *layouter) breakWord(word string, w float64) (head, rest string) {
	runes := []rune(word)
	n := 1
	for n < len(runes) && l.pdf.GetStringWidth(string(runes[:n+1])) <= w {
		n++
	}
	return string(runes[:n]), string(runes[n:])
}

// height is the height r takes on the page, padding included.
func (l *layouter) height(r row) float64 {
	h := 2*rowPad + l.runsHeight(r.shared, l.wShared)
	for _, b := range r.bands {
		h += l.bandHeight(b, l.cols)
	}
	if r.writeOn {
		h += writeRoom
	}
	return h
}

// draw writes r with its top at y and returns its height.
func (l *layouter) draw(r row, y float64) float64 {
	h := l.height(r)
	c := l.cols
	top := y + rowPad
	l.drawMark(r, top)
	l.drawRuns(r.shared, l.xLeft, top, l.wShared)
	at := top + l.runsHeight(r.shared, l.wShared)
	for _, b := range r.bands {
		l.drawRuns(b.left, c.xLeft, at, c.wLeft)
		l.drawRuns(b.right, c.xRight, at, c.wRight)
		at += l.bandHeight(b, c)
	}
	if r.writeOn {
		l.pdf.SetDrawColor(colourText[0], colourText[1], colourText[2])
		l.pdf.SetLineWidth(0.3)
		l.pdf.Line(l.xLeft, y+h-rowPad, l.pageW-margin, y+h-rowPad)
	}
	if r.rule {
		l.hline(y+h, 0.2)
	}
	return h
}

// drawMark draws the row's tick box or bullet, centred on its first line of text.
func (l *layouter) drawMark(r row, top float64) {
	if r.mark == markNone {
		return
	}
	first := sizeLocal
	switch {
	case len(r.shared) > 0:
		first = r.shared[0].size
	case len(r.bands) > 0 && len(r.bands[0].left) > 0:
		first = r.bands[0].left[0].size
	}
	mid := top + lineHeight(first)/2
	pdf := l.pdf
	pdf.SetDrawColor(colourText[0], colourText[1], colourText[2])
	pdf.SetFillColor(colourText[0], colourText[1], colourText[2])
	switch r.mark {
	case markBox, markTicked:
		x, y := l.xBox, mid-boxSize/2
		pdf.SetLineWidth(0.5)
		pdf.Rect(x, y, boxSize, boxSize, "D")
		if r.mark == markTicked {
			pdf.SetLineWidth(0.8)
			pdf.SetLineCapStyle("round")
			pdf.Line(x+1.4, y+3.7, x+3.0, y+5.5)
			pdf.Line(x+3.0, y+5.5, x+5.8, y+1.5)
			pdf.SetLineCapStyle("butt")
		}
	case markBullet:
		pdf.Circle(l.xBox+boxSize/2, mid, 1.2, "F")
	}
}

// hline draws a light rule across the text area at y.
func (l *layouter) hline(y, width float64) {
	l.pdf.SetDrawColor(colourRule[0], colourRule[1], colourRule[2])
	l.pdf.SetLineWidth(width)
	l.pdf.Line(l.xBox, y, l.pageW-margin, y)
}

// ensure starts a new page when h more millimetres would run into the footer, unless the page
// is still empty (a row taller than a page is then drawn as it is rather than looping).
func (l *layouter) ensure(h float64) {
	y := l.pdf.GetY()
	if y+h <= l.bottom || y <= l.pageTop()+0.01 {
		return
	}
	l.pdf.AddPage()
}

// pageTop is where rows start on a page: under the language names after the first page.
func (l *layouter) pageTop() float64 {
	if l.pdf.PageNo() > 1 && l.m.bilingual && !l.bare {
		return marginY + l.height(single(markNone, run{text: l.m.language.local, size: sizeLangHeader, bold: true},
			run{text: l.m.language.english, size: sizeLangHeader, bold: true})) + 2
	}
	return marginY
}

// place draws r at the current position, on a new page if it does not fit.
func (l *layouter) place(r row) {
	h := l.height(r)
	l.ensure(h)
	y := l.pdf.GetY()
	l.draw(r, y)
	l.pdf.SetY(y + h)
}

// section prints a heading and its rows, keeping the heading on the same page as the first row.
func (l *layouter) section(heading pair, rows []row) {
	const before = 4.0
	head := single(markNone, run{text: heading.local, size: sizeHeading, bold: true},
		run{text: heading.english, size: sizeHeadingEn, bold: true, muted: true})
	need := before + l.height(head)
	if len(rows) > 0 {
		need += l.height(rows[0])
	}
	l.ensure(need)
	if l.pdf.GetY() > l.pageTop()+0.01 {
		// Space above a heading separates it from the section before; at the top of a
		// page there is none.
		l.pdf.SetY(l.pdf.GetY() + before)
	}
	y := l.pdf.GetY()
	h := l.draw(head, y)
	l.hline(y+h, 0.6)
	l.pdf.SetY(y + h)
	for _, r := range rows {
		l.place(r)
	}
}
