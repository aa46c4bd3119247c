// Package about names the app and its version, as FyneApp.toml does, for
// the window title, exported files and the audit trail.
package about

// Name is the app's name as people see it.
const Name = "Partnership Maturity"

// ID is the app's reverse-DNS identifier; Fyne keeps preferences under it.
const ID = "org.partnershipmaturity.app"

// Version is the app's version.
const Version = "0.1.0"

// Generator names the app and version, as written into exported files.
const Generator = Name + " " + Version
