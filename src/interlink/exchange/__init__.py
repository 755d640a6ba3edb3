"""Exchange between nodes: signed and encrypted messages, outbox and inbox, receipts,
reports to the Secretariat, hit notifications and notices (issue 6)."""
