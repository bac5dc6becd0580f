"""Operations: each turns a question frame into bound SQL and a rendered answer; registered in one table."""
