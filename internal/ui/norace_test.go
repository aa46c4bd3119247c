//go:build !race

package ui

// raceEnabled is true when the race detector, which slows everything
// several times over, is on.
const raceEnabled = false
