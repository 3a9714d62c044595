"""The pages of the main window, in navigation order: (module, class name).

Each page module adds its own line; the navigation imports them when the window is built.
"""

from __future__ import annotations

PAGES: list[tuple[str, str]] = [
    # ("app.views.budget.budget_page", "BudgetPage"),
    ("app.views.budget.budget_page", "BudgetPage"),
]
PAGES.append(("app.views.revenue.revenue_page", "RevenuePage"))
PAGES.append(("app.views.adjust.adjust_page", "AdjustPage"))
PAGES.append(("app.views.admin.admin_page", "AdminPage"))
PAGES.append(("app.views.execution.expenditure_page", "ExpenditurePage"))
PAGES.append(("app.views.reports.reports_page", "ReportsPage"))
PAGES += [("app.views.execution.review_page", c) for c in ("ObligationPage", "PaymentPage")]
