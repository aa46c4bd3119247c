//go:build !release

package about

// release is unset in development builds, which name their commit.
const release = false
