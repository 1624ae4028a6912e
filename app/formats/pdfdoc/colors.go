package pdfdoc

// RGB is a colour of the documents, 0–255 a channel.
type RGB struct{ R, G, B int }

// The documents' palette: handouts, certificates and slides share it.
var (
	Ink      = RGB{0x22, 0x22, 0x22}
	Muted    = RGB{0x66, 0x6E, 0x78}
	Accent   = RGB{0x1F, 0x4E, 0x79}
	LinkInk  = RGB{0x0B, 0x57, 0xD0}
	RuleInk  = RGB{0xB8, 0xC2, 0xCC}
	HeadFill = RGB{0xE6, 0xEA, 0xEE}
)
