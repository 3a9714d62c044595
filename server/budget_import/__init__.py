"""Import of e호조 합본예산서 (세출/세입) xlsx exports into validated Python structures."""

from server.budget_import.book import (
    BookFormatError,
    ExpenditureBook,
    ExpenditureLineGroup,
    ExpenditureLineKey,
    ExpenditureRow,
    RevenueBook,
    RevenueLineGroup,
    RevenueLineKey,
    RevenueRow,
    group_expenditure_lines,
    group_revenue_lines,
    indent_of,
)
from server.budget_import.xlsx_reader import (
    read_book,
    read_expenditure_book,
    read_revenue_book,
)

__all__ = [
    "BookFormatError",
    "ExpenditureBook",
    "ExpenditureLineGroup",
    "ExpenditureLineKey",
    "ExpenditureRow",
    "RevenueBook",
    "RevenueLineGroup",
    "RevenueLineKey",
    "RevenueRow",
    "group_expenditure_lines",
    "group_revenue_lines",
    "indent_of",
    "read_book",
    "read_expenditure_book",
    "read_revenue_book",
]
