"""Several desks at one venue, over the local network and without internet.

One desk hosts a hub (`hub.VenueHub`: HTTPS on its LAN address, speaking SYNC-PROTOCOL.md's
`/batches` and `/changes` over the host desk's own database); the others join it with a code
(`code`: address, port, certificate fingerprint, one-time secret) and exchange with it every
second or so (`link`): their own batches go up unchanged, everyone else's records come down.
The hub relays the venue's batches to the portal later with their ids, as a USB bundle does.
No Qt here: the CLI and the Venue panel are thin faces over these modules."""
