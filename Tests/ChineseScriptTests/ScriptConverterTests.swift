import ChineseScript
import Testing

/// OpenCC as Passline opens it: Taiwan's standard character forms (`s2tw`), which readers in Taiwan
/// and Hong Kong read, without Taiwan vocabulary that would rename the notice's official titles.
@Suite struct ScriptConverterTests {
    let traditional = ScriptConverter(.toTraditional)
    let simplified = ScriptConverter(.toSimplified)

    @Test func opensWithTheInstalledData() {
        #expect(traditional != nil, "OpenCC's data files (libopencc's s2tw.json) are missing")
        #expect(simplified != nil)
    }

    @Test func writesTaiwanStandardFormsNotOpenCCsOwn() throws {
        let converter = try #require(traditional)
        // s2t would give 審覈, 爲, 這裏: forms neither Taiwan nor Hong Kong readers use.
        #expect(converter.convert("审核") == "審核")
        #expect(converter.convert("因为") == "因為")
        #expect(converter.convert("这里") == "這裡")
    }

    @Test func convertsPhrasesNotOnlyCharacters() throws {
        // 发 is 發 in 发布 but 髮 in 头发: a character table alone gets one of them wrong.
        #expect(try #require(traditional).convert("头发") == "頭髮")
    }

    @Test func keepsTheNoticesOwnWordsInsteadOfTaiwanVocabulary() throws {
        // s2twp would write 資訊系統專案管理師, a title the candidate does not find on the certificate.
        #expect(try #require(traditional).convert("信息系统项目管理师") == "信息系統項目管理師")
    }

    @Test func readsTraditionalBackAsSimplified() throws {
        #expect(try #require(simplified).convert("審核結果") == "审核结果")
    }

    @Test func leavesEmptyAndAsciiTextAsItIs() throws {
        let converter = try #require(traditional)
        #expect(converter.convert("") == "")
        #expect(converter.convert("ruankao-2024-H2 <a href=\"/x\">") == "ruankao-2024-H2 <a href=\"/x\">")
    }
}
