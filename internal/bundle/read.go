package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// sha256Pattern is a hex SHA-256 as the bundle writes it.
var sha256Pattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// utf8BOM is the byte order mark some editors put at the start of a file.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// readFile checks that data is a complete JSON bundle of a format and
// version this package reads, with no field it does not know, and decodes
// it. It reports false, with the problems recorded, when it cannot go on.
func readFile(c *collector, data []byte) (file, bool) {
	data = bytes.TrimPrefix(data, utf8BOM)
	if !checkLimits(c, data) {
		return file{}, false
	}
	if len(bytes.TrimSpace(data)) == 0 {
		c.addf("the file is empty: a bundle is a JSON file exported by the app")
		return file{}, false
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		syntaxProblem(c, data, err)
		return file{}, false
	}
	obj, ok := doc.(map[string]any)
	if !ok {
		c.addf("is not a partnership maturity bundle: it holds a JSON %s, not an object", jsonKind(doc))
		return file{}, false
	}
	if !checkHeader(c, obj) {
		return file{}, false
	}
	if _, ok := obj["payload"].(map[string]any); !ok {
		c.addf("has no payload: \"payload\" must be an object holding the assessment")
		return file{}, false
	}
	unknownFields(c, doc, reflect.TypeFor[file](), "")
	if !c.ok() {
		return file{}, false
	}
	f, ok := decodeStrict(c, data)
	if ok {
		if _, err := time.Parse(time.RFC3339Nano, f.ExportedAt); err != nil {
			c.addf("exported_at %q is not a timestamp such as 2025-04-01T09:30:00Z", f.ExportedAt)
		}
	}
	return f, ok
}

// syntaxProblem explains why data is not JSON, saying where.
func syntaxProblem(c *collector, data []byte, err error) {
	var se *json.SyntaxError
	switch {
	case !errors.As(err, &se):
		c.addf("cannot read the file as JSON: %v", err)
	case se.Offset >= int64(len(data)) || strings.Contains(se.Error(), "unexpected end"):
		c.addAt(data, se.Offset, "the file is truncated: its JSON ends after %d bytes, before the bundle is complete", se.Offset)
	default:
		bad := max(se.Offset-1, 0) // Offset counts the offending byte
		c.addAt(data, bad, "not valid JSON: %s (byte offset %d)", se.Error(), bad)
	}
}

// jsonKind names the kind of a decoded JSON value.
func jsonKind(v any) string {
	switch v.(type) {
	case []any:
		return "list"
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "true/false value"
	}
	return "null"
}

// checkHeader checks the format and version before anything else, so that a
// newer bundle is reported as newer rather than as full of unknown fields.
func checkHeader(c *collector, obj map[string]any) bool {
	format, isString := obj["format"].(string)
	switch {
	case obj["format"] == nil:
		c.addf("is not a partnership maturity bundle: it has no \"format\" field")
	case !isString || format != Format:
		c.addf("is not a partnership maturity bundle: its format is %s, want %q", jsonText(obj["format"]), Format)
	}
	if !c.ok() {
		return false
	}
	version, isNumber := obj["version"].(float64)
	switch {
	case !isNumber:
		c.addf("has no bundle version: \"version\" must be a whole number, found %s", jsonText(obj["version"]))
	case version != math.Trunc(version) || version < 1:
		c.addf("version %v is not a bundle version (a whole number from 1)", version)
	case version > Version:
		c.addf("was made by a newer version of the app (bundle version %v; this app reads version %d): update the app to import it", version, Version)
	}
	return c.ok()
}

// jsonText writes a decoded JSON value back as JSON, for messages.
func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// unknownFields reports every object key in v that the type t does not
// define, with its path, such as payload.votes[2]: unknown field "levle".
// Keys must match exactly (encoding/json alone would accept "Level").
func unknownFields(c *collector, v any, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			return // a type error, reported by decodeStrict
		}
		fields := jsonFields(t)
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			ft, known := fields[key]
			switch {
			case !known && path == "":
				c.addf("unknown field %q", key)
			case !known:
				c.addf("%s: unknown field %q", path, key)
			default:
				unknownFields(c, obj[key], ft, joinPath(path, key))
			}
		}
	case reflect.Slice:
		list, _ := v.([]any)
		for i, elem := range list {
			unknownFields(c, elem, t.Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

// jsonFields maps a struct's JSON field names to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := map[string]reflect.Type{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		fields[name] = f.Type
	}
	return fields
}

// joinPath appends a key to a dotted path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// decodeStrict decodes data into the bundle's types, reporting a value of
// the wrong type with its line and column.
func decodeStrict(c *collector, data []byte) (file, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f file
	err := dec.Decode(&f)
	var te *json.UnmarshalTypeError
	switch {
	case err == nil:
		return f, true
	case errors.As(err, &te):
		c.addAt(data, te.Offset, "%s must be %s, found a JSON %s", te.Field, typeName(te.Type), te.Value)
	default:
		c.addf("cannot decode the bundle: %v", err)
	}
	return file{}, false
}

// typeName says what JSON a Go type of the bundle's structs expects.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return typeName(t.Elem()) + " or null"
	case reflect.Int:
		return "a whole number"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list"
	}
	return "an object"
}

// verifyChecksum checks the payload against the bundle's sha256.
func verifyChecksum(c *collector, f file) {
	if f.SHA256 == "" {
		c.addf("has no sha256 checksum, so it cannot be trusted")
		return
	}
	if !sha256Pattern.MatchString(f.SHA256) {
		c.addf("sha256 %q is not a checksum (64 lower-case hex digits)", f.SHA256)
		return
	}
	sum, err := checksum(f.Payload)
	if err != nil {
		c.addf("cannot compute the checksum: %v", err)
		return
	}
	if sum != f.SHA256 {
		c.addf("has been changed since it was exported: its contents no longer match its sha256 checksum")
	}
}

// readQuestionnaire parses and validates the embedded question set and
// checks it against the identity the payload gives it. It returns nil when
// the set cannot be used.
func readQuestionnaire(c *collector, w questionnaireJSON) *questionnaire.Questionnaire {
	q, err := questionnaire.Parse(c.name+"#questionnaire", []byte(w.YAML))
	if err != nil {
		c.addRaw(err.Error())
		return nil
	}
	if w.ID != q.ID || w.Version != q.Version {
		c.addf("payload.questionnaire names question set %q version %q, but its YAML is %q version %q", w.ID, w.Version, q.ID, q.Version)
	}
	if w.SHA256 != q.SHA256() {
		c.addf("payload.questionnaire.sha256 does not match its YAML text")
	}
	return q
}
