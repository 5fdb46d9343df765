"""The Venue area: host a venue, join one, leave; the joining code and QR; the desks and
what is waiting (`panel.VenuePanel`). Network work runs through `controller.VenueController`
with `ctx.run(..., kind='net')` on a connection of its own, so the window never waits."""
