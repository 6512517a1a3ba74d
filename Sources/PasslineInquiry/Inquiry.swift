enum PasslineInquiry {}
