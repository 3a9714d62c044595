"""Windows, pages and dialogs. Views call ``app.operations``; they never talk HTTP or SQL."""
