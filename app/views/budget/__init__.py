"""The 예산편성 page: program tree, lines table, 산출근거 editor, new line, history, submit."""
