import Foundation
import Testing
@testable import PasslineCore

/// `Parallel.start` runs work on another thread while the caller goes on; its value is that work's
/// result, the same however often and from wherever it is read.
@Suite struct ParallelStartTests {
    @Test func theValueIsTheResultOfTheWork() {
        let pending = Parallel.start { (1...1_000).reduce(0, +) }
        var meanwhile = 0
        for i in 1...100 { meanwhile += i }
        #expect(meanwhile == 5_050)
        #expect(pending.value == 500_500)
        #expect(pending.value == 500_500)
    }

    @Test func readersOnSeveralThreadsGetTheSameValue() {
        let pending = Parallel.start { () -> String in
            Thread.sleep(forTimeInterval: 0.02)
            return "阿坝县"
        }
        let read = Parallel.map(Array(0..<4)) { _ in pending.value }
        #expect(read == ["阿坝县", "阿坝县", "阿坝县", "阿坝县"])
    }
}
