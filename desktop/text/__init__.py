"""Pure text helpers shared by the store and the core (no Qt, no database)."""
