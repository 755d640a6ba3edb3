"""Victims first: protected victim records, welfare referrals, child safeguarding (issue 7)."""
