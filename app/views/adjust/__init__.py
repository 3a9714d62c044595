"""The 조정 page: 요구액 vs 조정액 per line, 조정 with a reason, 반려, 확정, 의결, 성립, 추경."""
