package questionnaire

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	yamlv3 "go.yaml.in/yaml/v3"
)

// Parse reads a question set from data, strictly (a field the format does
// not define is an error), and validates it. name is the file name used in
// messages. Every problem is reported as "name:line: problem" in an *Error.
// The returned set keeps data as its Raw bytes.
//
// The file is first held to the limits in limits.go (size, nesting) by a
// scan of its bytes. A good file is decoded once, by go.yaml.in/yaml/v3, which is fast. A file
// with any problem is read again by goccy/go-yaml, whose syntax tree gives
// exact lines, so the messages point at the right place.
func Parse(name string, data []byte) (*Questionnaire, error) {
	if p, ok := checkLimits(data); !ok {
		return nil, located(name, p)
	}
	if p, ok := checkText(data); !ok {
		return nil, located(name, p)
	}
	q, err := decodeFast(data)
	if err == nil {
		err = q.Validate()
	}
	if err != nil {
		return nil, diagnose(name, data, err)
	}
	q.Raw = data
	return q, nil
}

// decodeFast decodes the first YAML document strictly, refusing unknown
// fields and a second document.
func decodeFast(data []byte) (*Questionnaire, error) {
	dec := yamlv3.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var q Questionnaire
	if err := dec.Decode(&q); err != nil {
		return nil, err
	}
	if err := dec.Decode(new(yamlv3.Node)); !errors.Is(err, io.EOF) {
		return nil, errors.New("a file holds one question set, but a second YAML document follows")
	}
	return &q, nil
}

// diagnose reads a file that failed to decode or validate and returns its
// problems located by line. fastErr is the first reader's error, reported
// as it is should the second reader find nothing wrong.
func diagnose(name string, data []byte, fastErr error) error {
	body, p, ok := document(data)
	if !ok {
		return located(name, p)
	}
	var q Questionnaire
	if err := nodeToValue(body, &q); err != nil {
		return located(name, yamlProblem(err))
	}
	err := q.Validate()
	var verr *Error
	if !errors.As(err, &verr) {
		return located(name, Problem{Line: 1, Message: fastErr.Error()})
	}
	for i := range verr.Problems {
		verr.Problems[i].Line = lineOf(body, verr.Problems[i].loc)
	}
	return located(name, verr.Problems...)
}

// nodeToValue decodes body strictly into q. goccy/go-yaml panics on some
// malformed trees (fuzzing found one: a tagged scalar where a list is
// expected), so a panic is turned into an error: the file is refused,
// never the app stopped.
func nodeToValue(body ast.Node, q *Questionnaire) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("the question set's structure cannot be read (a value is not the kind of YAML expected there)")
		}
	}()
	return yaml.NodeToValue(body, q, yaml.Strict())
}

// checkText rejects empty files and files that are not UTF-8 text.
func checkText(data []byte) (Problem, bool) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Problem{Line: 1, Message: "file is empty"}, false
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size == 1) || r == 0 {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			return Problem{Line: line, Message: "not a text file: byte " + strconv.Itoa(i) + " is not UTF-8 text"}, false
		}
		i += size
	}
	return Problem{}, true
}

// document parses data as YAML and returns the body of its only document.
func document(data []byte) (ast.Node, Problem, bool) {
	file, err := parser.ParseBytes(data, 0)
	if err != nil {
		p := yamlProblem(err)
		p.Message = "YAML syntax error: " + p.Message
		return nil, p, false
	}
	var bodies []ast.Node
	for _, doc := range file.Docs {
		if doc.Body != nil {
			bodies = append(bodies, doc.Body)
		}
	}
	switch {
	case len(bodies) == 0:
		return nil, Problem{Line: 1, Message: "file holds no question set (only comments or blank lines)"}, false
	case len(bodies) > 1:
		line := bodies[1].GetToken().Position.Line
		return nil, Problem{Line: line, Message: "a file holds one question set, but a second YAML document starts here"}, false
	}
	return bodies[0], Problem{}, true
}

// located sets the file name on problems and wraps them in an *Error.
func located(name string, ps ...Problem) error {
	for i := range ps {
		ps[i].File = name
	}
	return &Error{Problems: ps}
}

// yamlProblem turns a YAML library error into a located, plain problem.
func yamlProblem(err error) Problem {
	var ye yaml.Error
	if !errors.As(err, &ye) {
		return Problem{Line: 1, Message: err.Error()}
	}
	p := Problem{Line: 1, Message: ye.GetMessage()}
	if tok := ye.GetToken(); tok != nil && tok.Position != nil {
		p.Line = tok.Position.Line
	}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		p.Message = "expected " + kindName(te.DstType.Kind().String()) + ", found " + found(te)
	}
	var ue *yaml.UnknownFieldError
	if errors.As(err, &ue) {
		p.Message = "unknown field " + strconv.Quote(ye.GetToken().Value)
	}
	var ne *yaml.UnexpectedNodeTypeError
	if errors.As(err, &ne) {
		p.Message = "expected " + nodeName(ne.Expected) + ", found " + nodeName(ne.Actual)
	}
	if m := duplicateKey.FindStringSubmatch(p.Message); m != nil {
		p.Message = "field " + m[1] + " is given twice (first on line " + m[2] + ")"
	}
	if strings.Contains(p.Message, "\t") {
		p.Message = "a tab is used for indentation; indent with spaces"
	}
	return p
}

// duplicateKey matches the YAML library's message for a repeated key.
var duplicateKey = regexp.MustCompile(`^mapping key (".*") already defined at \[(\d+):\d+\]$`)

// nodeName names a YAML node type in plain English.
func nodeName(t ast.NodeType) string {
	switch t {
	case ast.MappingType, ast.MappingValueType:
		return "a mapping of fields"
	case ast.SequenceType:
		return "a list"
	case ast.IntegerType, ast.FloatType:
		return "a number"
	case ast.StringType, ast.LiteralType:
		return "text"
	}
	return strings.ToLower(t.String())
}

// found describes the value a type error met.
func found(te *yaml.TypeError) string {
	what := kindName(te.SrcType.Kind().String())
	if te.Token != nil && te.Token.Value != "" && te.SrcType.Kind().String() == "string" {
		what += " " + strconv.Quote(te.Token.Value)
	}
	return what
}

// kindName names a Go kind the way a question-set author thinks of it.
func kindName(kind string) string {
	switch {
	case strings.HasPrefix(kind, "int"), strings.HasPrefix(kind, "uint"):
		return "a whole number"
	case strings.HasPrefix(kind, "float"):
		return "a number"
	case kind == "string":
		return "text"
	case kind == "slice", kind == "array":
		return "a list"
	case kind == "bool":
		return "true or false"
	}
	return "a mapping of fields"
}

// lineOf finds the line of the node at loc inside body, or of the nearest
// enclosing node when loc leads to something absent.
func lineOf(body ast.Node, loc []any) int {
	for n := len(loc); n > 0; n-- {
		path, err := yaml.PathString("$." + pathString(loc[:n]))
		if err != nil {
			continue
		}
		if node, err := path.FilterNode(body); err == nil && node != nil {
			return node.GetToken().Position.Line
		}
	}
	return body.GetToken().Position.Line
}
