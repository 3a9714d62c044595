"""지출 (execution) page: lines with 배정·잔액, 채주, 결의/품의 form, my documents."""
