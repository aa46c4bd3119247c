package bundle

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/partnership-maturity/maturity/internal/assessment"
	"github.com/partnership-maturity/maturity/internal/questionnaire"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles the embedded schema.
func compileSchema(tb testing.TB) *jsonschema.Schema {
	tb.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		tb.Fatalf("schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("bundle.schema.json", doc); err != nil {
		tb.Fatal(err)
	}
	sch, err := c.Compile("bundle.schema.json")
	if err != nil {
		tb.Fatalf("schema does not compile: %v", err)
	}
	return sch
}

// validate checks data against the schema.
func validate(tb testing.TB, sch *jsonschema.Schema, data []byte) error {
	tb.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("bundle is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestSchemaAcceptsRealBundles(t *testing.T) {
	sch := compileSchema(t)
	q := fixtureQuestionnaire(t)
	tests := []struct {
		name string
		data []byte
	}{
		{"full record", encodeFixture(t)},
		{"fresh assessment", mustEncode(t, q, minimalRecord())},
		{"times in another zone", mustEncode(t, q, fixtureRecord(time.FixedZone("X", 7200)))},
	}
	for _, tt := range tests {
		if err := validate(t, sch, tt.data); err != nil {
			t.Errorf("%s: schema refuses a real bundle: %v", tt.name, err)
		}
	}
}

// mustEncode encodes rec against q with the fixture metadata.
func mustEncode(tb testing.TB, q *questionnaire.Questionnaire, rec assessment.Record) []byte {
	tb.Helper()
	data, err := Encode(q, rec, fixtureMeta)
	if err != nil {
		tb.Fatalf("Encode: %v", err)
	}
	return data
}

func TestSchemaRejectsBrokenBundles(t *testing.T) {
	sch := compileSchema(t)
	good := encodeFixture(t)
	payloadList := func(key string, i int, field string, v any) func(map[string]any) {
		return func(d map[string]any) { list(obj(d, "payload"), key, i)[field] = v }
	}
	tests := []struct {
		name   string
		change func(map[string]any)
		want   string // the JSON pointer of the value the schema must refuse
	}{
		{"level 0", payloadList("responses", 0, "level", 0), "/payload/responses/0/level"},
		{"vote level 0", payloadList("votes", 0, "level", 0), "/payload/votes/0/level"},
		{"blank action title", payloadList("actions", 0, "title", "  "), "/payload/actions/0/title"},
		{"level as text", payloadList("responses", 0, "level", "3"), "/payload/responses/0/level"},
		{"missing sha256", func(d map[string]any) { delete(d, "sha256") }, "missing property 'sha256'"},
		{"short sha256", func(d map[string]any) { d["sha256"] = "abc" }, "'/sha256'"},
		{"version 2", func(d map[string]any) { d["version"] = 2 }, "'/version'"},
		{"wrong format", func(d map[string]any) { d["format"] = "x" }, "'/format'"},
		{"unknown field", payloadList("votes", 1, "levle", 3), "additional properties 'levle' not allowed"},
		{"missing list", func(d map[string]any) { delete(obj(d, "payload"), "scrutiny") }, "missing property 'scrutiny'"},
		{"period with a dash", func(d map[string]any) { obj(d, "payload", "assessment")["period"] = "2025-26" }, "/payload/assessment/period"},
		{"unknown status", func(d map[string]any) { obj(d, "payload", "assessment")["status"] = "finished" }, "/payload/assessment/status"},
		{"unknown confidence", payloadList("responses", 0, "confidence", "certain"), "/payload/responses/0/confidence"},
		{"empty-string confidence", payloadList("responses", 0, "confidence", ""), "/payload/responses/0/confidence"},
		{"due date as d/m/y", payloadList("actions", 0, "due", "30/09/2025"), "/payload/actions/0/due"},
		{"timestamp without zone", payloadList("votes", 0, "created_at", "2025-04-01T09:00:00"), "/payload/votes/0/created_at"},
		{"id with a space", payloadList("votes", 0, "id", "has space"), "/payload/votes/0/id"},
		{"unknown agency kind", func(d map[string]any) {
			list(obj(d, "payload", "partnership"), "agencies", 0)["kind"] = "fire service"
		}, "/payload/partnership/agencies/0/kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validate(t, sch, edited(t, good, tt.change))
			if err == nil {
				t.Fatal("schema accepts a broken bundle")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("schema error %q does not point at %q", err, tt.want)
			}
		})
	}
}

// TestSchemaMatchesCode keeps the schema and the JSON structs in step: each
// object in the schema has exactly the fields of its struct, all required.
func TestSchemaMatchesCode(t *testing.T) {
	var schema struct {
		Properties map[string]any `json:"properties"`
		Required   []string       `json:"required"`
		Defs       map[string]struct {
			Properties map[string]any `json:"properties"`
			Required   []string       `json:"required"`
			Additional *bool          `json:"additionalProperties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(Schema, &schema); err != nil {
		t.Fatal(err)
	}
	check := func(where string, props map[string]any, required []string, typ reflect.Type) {
		fields := slices.Sorted(func(yield func(string) bool) {
			for name := range jsonFields(typ) {
				if !yield(name) {
					return
				}
			}
		})
		var inSchema []string
		for name := range props {
			inSchema = append(inSchema, name)
		}
		slices.Sort(inSchema)
		slices.Sort(required)
		// Fields added after version 1 (tagged omitempty) are optional, so
		// that bundles written before them still read and verify.
		var mandatory []string
		for f := range typ.Fields() {
			if tag := f.Tag.Get("json"); !strings.HasSuffix(tag, ",omitempty") {
				mandatory = append(mandatory, strings.TrimSuffix(tag, ",omitempty"))
			}
		}
		slices.Sort(mandatory)
		if !slices.Equal(inSchema, fields) || !slices.Equal(required, mandatory) {
			t.Errorf("%s: schema properties %v, required %v; struct %s has %v", where, inSchema, required, typ, fields)
		}
	}
	check("top level", schema.Properties, schema.Required, reflect.TypeFor[file]())
	defs := map[string]reflect.Type{
		"payload":       reflect.TypeFor[payload](),
		"questionnaire": reflect.TypeFor[questionnaireJSON](),
		"partnership":   reflect.TypeFor[partnershipJSON](),
		"agency":        reflect.TypeFor[agencyJSON](),
		"assessment":    reflect.TypeFor[assessmentJSON](),
		"participant":   reflect.TypeFor[participantJSON](),
		"response":      reflect.TypeFor[responseJSON](),
		"evidenceRef":   reflect.TypeFor[evidenceRefJSON](),
		"vote":          reflect.TypeFor[voteJSON](),
		"scrutiny":      reflect.TypeFor[scrutinyJSON](),
		"action":        reflect.TypeFor[actionJSON](),
		"actionUpdate":  reflect.TypeFor[actionUpdateJSON](),
		"signOff":       reflect.TypeFor[signOffJSON](),
	}
	for name, typ := range defs {
		def, ok := schema.Defs[name]
		if !ok {
			t.Errorf("schema has no $defs/%s for %s", name, typ)
			continue
		}
		if def.Additional == nil || *def.Additional {
			t.Errorf("$defs/%s allows additional properties", name)
		}
		check("$defs/"+name, def.Properties, def.Required, typ)
	}
}
