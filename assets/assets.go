// Package assets embeds the app's icon and the fonts that PDF exports and
// charts draw text with, so £, é, ’ and Welsh or Polish names survive.
package assets

import _ "embed"

// Icon is the app's icon, a 256×256 PNG.
//
//go:embed icon.png
var Icon []byte

// FontRegular, FontBold and FontItalic are Noto Sans, under the SIL Open
// Font Licence (fonts/OFL.txt).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	FontRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	FontItalic []byte
)
