// Package architecture holds no code: its test keeps the project's
// dependencies pointing one way, as ARCHITECTURE.md lays them out.
package architecture
