package diagram

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"io"
)

// encodePNG writes an opaque img as an 8-bit RGB PNG. image/png tries five
// filters on every row to pick the best, which was two thirds of the time of
// a large diagram; flat colours and anti-aliased edges compress as well with
// the Up filter alone.
func encodePNG(w io.Writer, img *image.RGBA) error {
	b := img.Bounds()
	bw := bufio.NewWriterSize(w, 64<<10)
	if _, err := bw.WriteString("\x89PNG\r\n\x1a\n"); err != nil {
		return err
	}
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(b.Dy()))
	ihdr[8] = 8  // bits per sample
	ihdr[9] = 2  // truecolour, no alpha
	ihdr[10] = 0 // deflate
	ihdr[11] = 0 // adaptive filtering, one filter byte per row
	ihdr[12] = 0 // not interlaced
	if err := writeChunk(bw, "IHDR", ihdr[:]); err != nil {
		return err
	}

	idat := &chunkWriter{w: bw, kind: "IDAT"}
	z, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	w4 := 4 * b.Dx()
	zero := make([]byte, w4) // the row above the first
	prev := zero
	out := make([]byte, 1+3*b.Dx())
	out[0] = 2 // Up: each byte minus the one above it
	for y := b.Min.Y; y < b.Max.Y; y++ {
		i := img.PixOffset(b.Min.X, y)
		row := img.Pix[i : i+w4 : i+w4]
		if bytes.Equal(row, prev) {
			// Most rows of a diagram repeat the one above in places, often
			// entirely (margins, gaps between rows of nodes).
			clear(out[1:])
		} else {
			for x, j := 0, 1; x < w4; x, j = x+4, j+3 {
				out[j] = row[x] - prev[x]
				out[j+1] = row[x+1] - prev[x+1]
				out[j+2] = row[x+2] - prev[x+2]
			}
		}
		if _, err := z.Write(out); err != nil {
			return err
		}
		prev = row
	}
	if err := z.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	if err := writeChunk(bw, "IEND", nil); err != nil {
		return err
	}
	return bw.Flush()
}

func writeChunk(w io.Writer, kind string, data []byte) error {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], kind)
	crc := crc32.NewIEEE()
	crc.Write(head[4:])
	crc.Write(data)
	var tail [4]byte
	binary.BigEndian.PutUint32(tail[:], crc.Sum32())
	for _, b := range [][]byte{head[:], data, tail[:]} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// chunkWriter cuts the compressed stream into chunks of kind.
type chunkWriter struct {
	w    io.Writer
	kind string
	buf  []byte
}

const chunkSize = 256 << 10

func (c *chunkWriter) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	for len(c.buf) >= chunkSize {
		if err := writeChunk(c.w, c.kind, c.buf[:chunkSize]); err != nil {
			return 0, err
		}
		c.buf = append(c.buf[:0], c.buf[chunkSize:]...)
	}
	return len(p), nil
}

func (c *chunkWriter) flush() error {
	if len(c.buf) == 0 {
		return nil
	}
	err := writeChunk(c.w, c.kind, c.buf)
	c.buf = c.buf[:0]
	return err
}
