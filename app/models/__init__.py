"""Qt item models (QtCore/QtGui only): program tree, budget lines, 산출근거 tree.

Models pre-format their display strings, test the role first in ``data()``, and sort and filter
inside the model (ARCHITECTURE.md §8: never a QSortFilterProxyModel over a large Python model).
"""

from __future__ import annotations

from app.models.basis_tree_model import BasisColumn, BasisTreeModel
from app.models.budget_lines_model import BudgetLinesModel, LineColumn
from app.models.program_tree_model import ProgramTreeModel
from app.models.roles import Roles

__all__ = [
    "BasisColumn",
    "BasisTreeModel",
    "BudgetLinesModel",
    "LineColumn",
    "ProgramTreeModel",
    "Roles",
]
