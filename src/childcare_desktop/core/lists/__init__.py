"""Other departments' lists (学籍, 户籍, 残疾证, 低保, 裁定) checked against the registry."""
