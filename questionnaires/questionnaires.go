// Package questionnaires embeds the question sets the app ships with.
package questionnaires

import "embed"

// Files holds every shipped question set, one *.yaml file each.
//
//go:embed *.yaml
var Files embed.FS

// Default is the file name of the question set a new assessment uses unless
// another is chosen.
const Default = "csprp-2023-strategic.yaml"
