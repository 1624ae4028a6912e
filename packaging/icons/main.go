// Command icons makes, from the app's one icon, the files the installable
// builds need: the hicolor PNG sizes of the Linux desktop and the .ico
// Windows shows for atelier.exe and its shortcuts. It is pure Go rather
// than ImageMagick so that the build needs nothing more and gives the same
// bytes on every machine (no dates in the PNGs).
//
//	go run ./packaging/icons -src assets/icon.png -name atelier -hicolor DIR -ico FILE.ico
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"image"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// sizes are the hicolor sizes desktops look up, and those of the .ico
// (Explorer picks 16 to 256 by the display's scale).
var sizes = []int{16, 24, 32, 48, 64, 128, 256}

func main() {
	log.SetFlags(0)
	log.SetPrefix("icons : ")
	src := flag.String("src", "assets/icon.png", "l’icône de départ (PNG carré)")
	name := flag.String("name", "atelier", "nom des fichiers d’icône hicolor")
	hicolor := flag.String("hicolor", "", "dossier share/icons/hicolor à remplir")
	ico := flag.String("ico", "", "fichier .ico à écrire")
	flag.Parse()

	f, err := os.Open(*src)
	if err != nil {
		log.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		log.Fatalf("%s : %v", *src, err)
	}
	pngs := make([][]byte, len(sizes))
	for i, n := range sizes {
		if pngs[i], err = encode(resize(img, n)); err != nil {
			log.Fatal(err)
		}
		if *hicolor == "" {
			continue
		}
		dir := filepath.Join(*hicolor, fmt.Sprintf("%dx%d", n, n), "apps")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, *name+".png"), pngs[i], 0o644); err != nil {
			log.Fatal(err)
		}
	}
	if *ico != "" {
		if err := os.WriteFile(*ico, icoFile(pngs), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

func resize(img image.Image, n int) image.Image {
	dst := image.NewNRGBA(image.Rect(0, 0, n, n))
	draw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

func encode(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, img)
	return b.Bytes(), err
}

// icoFile lays out an .ico whose images are PNGs, which Windows reads
// since Vista: a header, one directory entry per size, then the images.
func icoFile(pngs [][]byte) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	w := func(v any) { _ = binary.Write(&b, le, v) }
	w(uint16(0))         // reserved
	w(uint16(1))         // type: icon
	w(uint16(len(pngs))) // count
	offset := 6 + 16*len(pngs)
	for i, data := range pngs {
		side := uint8(sizes[i] % 256) // 0 means 256
		w(side)
		w(side)
		w(uint8(0))  // no palette
		w(uint8(0))  // reserved
		w(uint16(1)) // colour planes
		w(uint16(32))
		w(uint32(len(data)))
		w(uint32(offset))
		offset += len(data)
	}
	for _, data := range pngs {
		b.Write(data)
	}
	return b.Bytes()
}
