//go:build !windows

package export

// systemDocuments is "" where the system has no call for the Documents
// folder; documentsIn finds it instead.
func systemDocuments() string { return "" }
