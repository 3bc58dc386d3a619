"""The sandbox kit code runs in: expressions, filters and the budget that bounds them."""
