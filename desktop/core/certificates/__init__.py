"""Completion certificates: numbering, signing (JWS/EdDSA, SYNC-PROTOCOL §8), templates,
rendering, issue/re-issue/revoke and offline verification. No Qt here."""
