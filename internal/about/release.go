//go:build release

package about

// release is set in builds with the "release" tag, which the packages are.
const release = true
