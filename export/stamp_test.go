package export

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"congtac"
)

// testSignature draws a blue scrawl on a transparent 300 × 100 PNG.
func testSignature(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 300, 100))
	blue := color.NRGBA{0x10, 0x30, 0xC0, 0xFF}
	for x := 20; x < 280; x++ {
		y := 50 + int(30*math.Sin(float64(x)/18))
		for d := -2; d <= 2; d++ {
			img.Set(x, y+d, blue)
		}
	}
	return encodePNG(t, img)
}

// testSeal draws a red ring with a star on a transparent 400 × 400 PNG.
func testSeal(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 400, 400))
	red := color.NRGBA{0xD0, 0x10, 0x10, 0xC0}
	for y := 0; y < 400; y++ {
		for x := 0; x < 400; x++ {
			r := math.Hypot(float64(x-200), float64(y-200))
			if (r > 170 && r < 195) || (r > 120 && r < 128) || r < 30 {
				img.Set(x, y, red)
			}
		}
	}
	return encodePNG(t, img)
}

func encodePNG(t testing.TB, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestStampPlacement(t *testing.T) {
	placed, err := stampImages(Images{Signature: testSignature(t), Seal: testSeal(t)}, 4819, signatureSpace)
	if err != nil || len(placed) != 2 {
		t.Fatalf("placed %v, %v", placed, err)
	}
	sig, seal := placed[0], placed[1]
	if sig.h != signatureHeight || sig.w != signatureHeight*3 || sig.x != (4819-sig.w)/2 || sig.y != (signatureSpace-sig.h)/2 {
		t.Errorf("signature at %d,%d size %d×%d: want %d high, centred", sig.x, sig.y, sig.w, sig.h, signatureHeight)
	}
	if seal.w != sealWidth || seal.x+seal.w != sig.x+sig.w/3 || seal.y+seal.h/2 != signatureSpace/2 {
		t.Errorf("seal at %d,%d size %d×%d: want %d wide, its right edge on the first third of the signature (%d)",
			seal.x, seal.y, seal.w, seal.h, sealWidth, sig.x+sig.w/3)
	}
	if _, err := stampImages(Images{Seal: []byte("GIF89a")}, 100, 100); congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("a seal that is not a PNG: %v, want EINVALID", err)
	}
}

// TestImages writes the program with a signature and a seal: the DOCX anchors both in
// the signature block and LibreOffice converts it; the PDF draws both (with their
// transparency); a draft never carries them.
func TestImages(t *testing.T) {
	doc := signedProgram(t)
	parts := unzip(t, render(t, doc, "docx"))
	if len(parts["word/media/signature.png"]) == 0 || len(parts["word/media/seal.png"]) == 0 {
		t.Error("the DOCX lacks its images")
	}
	if n := strings.Count(string(parts["word/document.xml"]), "<wp:anchor "); n != 2 {
		t.Errorf("%d anchored drawings, want 2", n)
	}
	if err := checkDOCX(render(t, doc, "docx")); err != nil {
		t.Fatal(err)
	}
	pdf := writeTemp(t, "signed.pdf", render(t, doc, "pdf"))
	list := pdfTool(t, "pdfimages", "-list", pdf)
	kinds := map[string]int{}
	for _, l := range strings.Split(list, "\n") {
		if f := strings.Fields(l); len(f) > 3 && f[0] == "5" {
			kinds[f[2]]++
		}
	}
	if kinds["image"] != 2 || kinds["smask"] != 2 {
		t.Errorf("pdfimages lists:\n%s\nwant two images on page 5, each with its transparency mask", list)
	}
	pdfTool(t, "pdftoppm", "-png", "-r", "80", "-f", "5", "-l", "5", "-singlefile", pdf,
		filepath.Join(artifacts(t), "export-program-signed-page5"))

	doc.Draft = true
	if parts := unzip(t, render(t, doc, "docx")); len(parts["word/media/signature.png"]) != 0 {
		t.Error("a draft carries the signature")
	}
	doc.Draft, doc.Options.Images.Seal = false, []byte("not a png")
	var b bytes.Buffer
	if err := DOCX(&b, doc); congtac.ErrorCode(err) != congtac.EINVALID {
		t.Errorf("a seal that is not a PNG: %v, want EINVALID", err)
	}
}

// signedProgram returns the issued seed program with a signature and a seal.
func signedProgram(t testing.TB) ProgramDoc {
	doc := seedProgram(false)
	doc.Options.Images = Images{Signature: testSignature(t), Seal: testSeal(t)}
	return doc
}
