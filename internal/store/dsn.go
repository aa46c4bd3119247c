package store

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
)

// localURI is fileURI for a file on this machine, made absolute first,
// with this query: every connection the store opens (the database, its lock
// file, a read-only look at a backup) is named through it, so a Windows
// path never reaches SQLite as a broken URI.
func localURI(path, query string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return fileURI(path, runtime.GOOS == "windows", query)
}

// fileURI returns the SQLite URI, "file:" with the path and then query,
// that names the database at abs, an absolute path as the operating system
// writes it: with backslashes and a drive letter or a \\server\share
// prefix when windows is set, with slashes otherwise. It is a pure
// function so that Windows paths can be tested on every platform.
//
// SQLite reads what follows "file://" up to the next slash as an authority
// and refuses any but "localhost", so C:\db becomes file:///C:/db (SQLite's
// Windows file system drops the slash before the drive letter), and the UNC
// path \\server\share\db becomes file:////server/share/db: an empty
// authority, then the path Windows expects. The \\?\ long-path prefixes are
// dropped the same way. Every %, ? and # in a name is percent-encoded, as
// SQLite decodes %HH in the path and would otherwise take ? as the start of
// the query and # as a fragment; spaces and non-ASCII letters are encoded
// as UTF-8 bytes, which SQLite decodes back.
func fileURI(abs string, windows bool, query string) string {
	p := abs
	if windows {
		p = strings.ReplaceAll(p, `\`, "/")
		switch {
		case strings.HasPrefix(p, "//?/UNC/"):
			p = "//" + strings.TrimPrefix(p, "//?/UNC/")
		case strings.HasPrefix(p, "//?/"):
			p = "/" + strings.TrimPrefix(p, "//?/")
		case strings.HasPrefix(p, "//"):
			// A UNC path: the empty authority comes before it.
		default:
			p = "/" + p
		}
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: query}
	return u.String()
}
