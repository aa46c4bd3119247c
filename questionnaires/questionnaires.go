// Package questionnaires embeds the question sets the app ships with and
// reads them.
package questionnaires

import (
	"embed"
	"io/fs"

	"github.com/partnership-maturity/maturity/internal/questionnaire"
)

// Files holds every shipped question set, one *.yaml file each.
//
//go:embed *.yaml
var Files embed.FS

// Default is the file name of the question set a new assessment uses
// unless another is chosen.
const Default = "csprp-2023-strategic.yaml"

// Shipped parses every shipped question set, in file name order.
func Shipped() ([]*questionnaire.Questionnaire, error) {
	names, err := fs.Glob(Files, "*.yaml")
	if err != nil {
		return nil, err
	}
	sets := make([]*questionnaire.Questionnaire, 0, len(names))
	for _, name := range names {
		q, err := Load(name)
		if err != nil {
			return nil, err
		}
		sets = append(sets, q)
	}
	return sets, nil
}

// LoadDefault parses the default question set.
func LoadDefault() (*questionnaire.Questionnaire, error) { return Load(Default) }

// Load parses the shipped question set in the named file.
func Load(name string) (*questionnaire.Questionnaire, error) {
	data, err := Files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return questionnaire.Parse(name, data)
}
