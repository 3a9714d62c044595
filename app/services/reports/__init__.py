"""Printed reports and spreadsheet exchange (issue 6): 세출/세입 예산서, 세부사업설명서,
지출결의서 as PDF (reportlab), and the e호조 합본예산서 layout as XLSX/CSV (openpyxl) both
ways. Plain Python (never PySide6); reportlab and openpyxl are imported only when used."""
