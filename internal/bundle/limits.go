package bundle

// Limits on a bundle file, checked by a cheap scan of its bytes before the
// JSON is decoded. The question set inside a bundle is held to the
// questionnaire package's own limits (1 MiB, nesting 32) before it is
// parsed.
const (
	// MaxFileSize is the largest bundle read: 16 MiB, far more than an
	// assessment with a thousand actions needs (about 1 MB).
	MaxFileSize = 16 << 20
	// MaxDepth is the deepest nesting of JSON objects and lists a bundle
	// may have; one the app writes is five deep.
	MaxDepth = 32
)

// checkLimits records a problem and reports false when data is too large
// or too deeply nested to decode.
func checkLimits(c *collector, data []byte) bool {
	if len(data) > MaxFileSize {
		c.addf("the file is %d bytes; a bundle may be at most %d bytes (16 MiB)", len(data), MaxFileSize)
		return false
	}
	depth := 0
	inString, escaped := false, false
	for i, b := range data {
		switch {
		case escaped:
			escaped = false
		case inString && b == '\\':
			escaped = true
		case b == '"':
			inString = !inString
		case inString:
		case b == '[' || b == '{':
			depth++
			if depth > MaxDepth {
				c.addAt(data, int64(i), "lists or objects nested more than %d deep; a bundle is five deep", MaxDepth)
				return false
			}
		case b == ']' || b == '}':
			depth--
		}
	}
	return true
}
