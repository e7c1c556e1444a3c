"""The class session: pupils' phones join the trainer's laptop over the room's Wi-Fi (no internet).

`session` holds the rules as a pure function of messages and state (no sockets, no pygame), `server`
carries messages between phones and that state in a background thread, `projector` shows the class on
the pygame player, and `cli` is `barst class`. Only `barst class` imports this package.
"""
