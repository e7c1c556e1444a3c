"""The "Achter de voordeur" board game on the projector: setup, board, cards, judging, final screen.

`app.run_board(pack, args)` opens the window; `app.render_board_shots(...)` renders every screen to PNG.
`session.BoardSession` holds what is on screen and drives the pure board engine; `autosave` keeps the
game on disk after every step so a crashed laptop resumes exactly where it was.
"""
