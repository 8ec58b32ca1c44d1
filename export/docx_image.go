package export

import "fmt"

// docxMedia holds the images of a package and their relationship IDs.
type docxMedia struct {
	src    Images
	images []docxImage
}

// docxImage is one image file of the package.
type docxImage struct {
	id, file string
	data     []byte
}

// newDocxMedia lists the images of a document as package parts.
func newDocxMedia(img Images) (*docxMedia, error) {
	m := &docxMedia{src: img}
	for _, i := range []struct {
		name string
		data []byte
	}{{"signature", img.Signature}, {"seal", img.Seal}} {
		if len(i.data) > 0 {
			m.images = append(m.images, docxImage{id: "rId" + i.name, file: i.name + ".png", data: i.data})
		}
	}
	return m, nil
}

// emuPerTwip converts twips to the English Metric Units of DrawingML.
const emuPerTwip = 635

// stamp writes the images of the signature block as drawings anchored to the blank
// paragraph, floating over the text (no wrapping), positioned from the cell's left edge
// and the paragraph's top. width is the cell's inner width.
func (x docxWriter) stamp(width, height int) {
	if x.media == nil || len(x.media.images) == 0 {
		return
	}
	placements, err := stampImages(x.media.src, width, height)
	if err != nil {
		return // checked when the sheet was laid out
	}
	for i, p := range placements {
		id := i + 1
		fmt.Fprintf(x.b, `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="%d" `+
			`behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>`+
			`<wp:positionH relativeFrom="column"><wp:posOffset>%d</wp:posOffset></wp:positionH>`+
			`<wp:positionV relativeFrom="paragraph"><wp:posOffset>%d</wp:posOffset></wp:positionV>`+
			`<wp:extent cx="%d" cy="%d"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>`+
			`<wp:docPr id="%d" name="%s"/><wp:cNvGraphicFramePr/>`+
			`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>`+
			`<pic:nvPicPr><pic:cNvPr id="%d" name="%s.png"/><pic:cNvPicPr/></pic:nvPicPr>`+
			`<pic:blipFill><a:blip r:embed="rId%s"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`+
			`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`+
			`</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`,
			251659264+id, p.x*emuPerTwip, p.y*emuPerTwip, p.w*emuPerTwip, p.h*emuPerTwip, id, p.name,
			id, p.name, p.name, p.w*emuPerTwip, p.h*emuPerTwip)
	}
}
