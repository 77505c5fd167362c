package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
)

// decodeXWD reads the screenshot xwd writes (X Window Dump, version 7, ZPixmap with 24 or
// 32 bits a pixel, as Xvfb gives), so the smoke test can keep a PNG of the screen
// without ImageMagick.
func decodeXWD(data []byte) (image.Image, error) {
	if len(data) < 100 {
		return nil, fmt.Errorf("xwd: %d bytes, too short for a header", len(data))
	}
	h := make([]uint32, 25)
	if err := binary.Read(bytes.NewReader(data[:100]), binary.BigEndian, h); err != nil {
		return nil, fmt.Errorf("xwd header: %w", err)
	}
	headerSize, version, format := h[0], h[1], h[2]
	width, height, byteOrder := int(h[4]), int(h[5]), h[7]
	bpp, bytesPerLine, ncolors := int(h[11]), int(h[12]), int(h[19])
	if version != 7 || format != 2 || (bpp != 32 && bpp != 24) {
		return nil, fmt.Errorf("xwd: version %d format %d %d bits per pixel not supported", version, format, bpp)
	}
	start := int(headerSize) + 12*ncolors
	step := bpp / 8
	if start+height*bytesPerLine > len(data) || width*step > bytesPerLine {
		return nil, fmt.Errorf("xwd: image data cut short")
	}
	img := image.NewRGBA(image.Rect(0, 0, width, height))
	for y := 0; y < height; y++ {
		row := data[start+y*bytesPerLine:]
		for x := 0; x < width; x++ {
			p := row[step*x : step*x+step]
			if byteOrder == 0 { // LSBFirst: B, G, R (and an unused byte at 32 bits)
				img.Set(x, y, color.RGBA{R: p[2], G: p[1], B: p[0], A: 255})
			} else {
				img.Set(x, y, color.RGBA{R: p[step-3], G: p[step-2], B: p[step-1], A: 255})
			}
		}
	}
	return img, nil
}
