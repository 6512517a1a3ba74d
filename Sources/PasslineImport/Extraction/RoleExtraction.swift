import PasslineCore

/// Which clause answers each recurring question (a notice's `roles:`), from the words in `Phrasing`:
/// `scope` is the first clause naming every covered exam and year; `hotline` the clause giving the
/// phone number; the others a clause whose text (or section heading) says the role's words.
struct RoleExtraction {
    let notice: SegmentedNotice
    let phrasing: Phrasing
    let catalog: ImportCatalog

    /// The roles a full notice's scaffold asks for: left `待填` when not found. Others are left out.
    static let required = ["scope", "local", "relocated", "procedure"]
    static let order = ["scope", "local", "relocated", "procedure", "penalties", "hotline"]

    func roles(sessions: [SessionFinding], hotline: Finding<String>?, undecided: inout [Undecided], notes: inout [String]) -> [RoleFinding]
    {
        var found: [RoleFinding] = []
        let names = Self.order + phrasing.roles.keys.filter { !Self.order.contains($0) }.sorted()
        for name in names {
            let candidates: [RoleFinding]
            switch name {
            case "scope": candidates = scope(sessions)
            case "hotline": candidates = hotline?.source.clause.map { [RoleFinding(name: name, clause: $0, reason: "咨询电话写在这里")] } ?? []
            default: candidates = byWords(name)
            }
            if candidates.count == 1 {
                found.append(candidates[0])
            } else if Self.required.contains(name) || candidates.count > 1 {
                let listed = candidates.map { ClauseName.chinese($0.clause) }.joined(separator: "、")
                let message = candidates.isEmpty ? "没认出哪一条\(Self.meaning(name))" : "\(listed)都像是\(Self.meaning(name))的一条"
                undecided.append(Undecided(key: "roles.\(name)", message: "\(message):请填上条款编号"))
            } else {
                notes.append("没认出哪一条\(Self.meaning(name)):草稿里没有 roles.\(name)(通知若有这一条,请补上)")
            }
        }
        return found
    }

    /// What a role's clause says, for messages.
    static func meaning(_ role: String) -> String {
        switch role {
        case "scope": "说明涵盖哪些考试场次(scope)"
        case "local": "是在单独划线地区报考的人员的申领条件(local)"
        case "relocated": "是在其他地区报考、到单独划线地区工作的人员的申领条件(relocated)"
        case "procedure": "是申领方式(procedure)"
        case "penalties": "是违纪违规处理(penalties)"
        case "hotline": "给出咨询电话(hotline)"
        default: "是 \(role)"
        }
    }

    private func scope(_ sessions: [SessionFinding]) -> [RoleFinding] {
        guard !sessions.isEmpty else { return [] }
        let exams = Set(sessions.map(\.exam)).compactMap { id in catalog.exams.first { $0.id == id } }
        let years = Set(sessions.map { String($0.session.prefix(4)) })
        let clause = notice.clauses.first { clause in
            let text = NoticeGrammar.halfWidth(clause.text)
            return exams.allSatisfy { exam in catalog.names(of: exam).contains(where: text.contains) } && years.allSatisfy(text.contains)
        }
        return clause.map { [RoleFinding(name: "scope", clause: $0.id, reason: "这一条列出了涵盖的全部考试和年份")] } ?? []
    }

    private func byWords(_ role: String) -> [RoleFinding] {
        guard let words = phrasing.roles[role] else { return [] }
        var found: [RoleFinding] = []
        for clause in notice.clauses {
            if let word = words.says.first(where: clause.text.contains), !words.not.contains(where: clause.text.contains) {
                found.append(RoleFinding(name: role, clause: clause.id, reason: "写着“\(word)”"))
            } else if clause.depth == 1, let heading = clause.lines.first, let word = words.heading.first(where: heading.contains) {
                found.append(RoleFinding(name: role, clause: clause.id, reason: "标题写着“\(word)”"))
            }
        }
        return found
    }
}
