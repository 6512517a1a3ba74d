enum PasslineSite {}
