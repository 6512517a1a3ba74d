import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small line editor for the chat prompt: the terminal in raw mode, UTF-8 input (IME bursts
/// included), ←/→, Home/End, Backspace/Delete, Ctrl-A/E/U/K/L/C, ↑/↓ history, and Ctrl-D on an empty
/// line for end of input. CJK characters count two columns so the cursor lands where the eye expects.
/// Falls back to plain `readLine` when the terminal cannot be put in raw mode.
struct LineEditor {
    let prompt: String
    private(set) var history: [String] = []
    /// Bounds memory however long a session runs.
    static let historyLimit = 500

    init(prompt: String) { self.prompt = prompt }

    /// The next line, or `nil` at end of input (Ctrl-D on an empty line).
    mutating func readLine() -> String? {
        fflush(nil)
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            output(prompt)
            return Swift.readLine()
        }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
            output(prompt)
            return Swift.readLine()
        }
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }
        return edit()
    }

    private mutating func edit() -> String? {
        var state = State()
        var historyIndex = history.count
        var draft = ""
        output(prompt)
        while true {
            guard let byte = readByte() else { return state.text.isEmpty ? nil : state.text }
            switch byte {
            case 13, 10:
                output("\r\n")
                let line = state.text
                if !line.trimmingCharacters(in: .whitespaces).isEmpty && history.last != line {
                    history.append(line)
                    if history.count > Self.historyLimit { history.removeFirst() }
                }
                return line
            case 4:
                if state.buffer.isEmpty {
                    output("\r\n")
                    return nil
                }
                state.deleteForward()
            case 3:
                output("^C\r\n")
                state = State()
                historyIndex = history.count
            case 127, 8: state.deleteBackward()
            case 1: state.cursor = 0
            case 5: state.cursor = state.buffer.count
            case 21: state.buffer.removeFirst(state.cursor); state.cursor = 0
            case 11: state.buffer.removeLast(state.buffer.count - state.cursor)
            case 12: output("\u{1B}[H\u{1B}[2J")
            case 27:
                guard let next = readByte() else { continue }
                guard next == UInt8(ascii: "[") || next == UInt8(ascii: "O"), let code = readByte() else { continue }
                switch code {
                case UInt8(ascii: "A"), UInt8(ascii: "B"):
                    guard !history.isEmpty else { break }
                    if historyIndex == history.count { draft = state.text }
                    historyIndex = code == UInt8(ascii: "A") ? max(0, historyIndex - 1) : min(history.count, historyIndex + 1)
                    state = State(text: historyIndex == history.count ? draft : history[historyIndex])
                case UInt8(ascii: "C"): state.cursor = min(state.buffer.count, state.cursor + 1)
                case UInt8(ascii: "D"): state.cursor = max(0, state.cursor - 1)
                case UInt8(ascii: "H"): state.cursor = 0
                case UInt8(ascii: "F"): state.cursor = state.buffer.count
                case UInt8(ascii: "3"):
                    if readByte() == UInt8(ascii: "~") { state.deleteForward() }
                default:
                    // Other sequences (e.g. `1;5C`): read up to the final letter and ignore them.
                    var last = code
                    var guardCount = 0
                    while !(65...126).contains(last), guardCount < 8, let b = readByte() { last = b; guardCount += 1 }
                }
            case 0..<32: break
            default:
                if let character = readCharacter(startingWith: byte) { state.insert(character) }
            }
            refresh(state)
        }
    }

    private struct State {
        var buffer: [Character] = []
        var cursor = 0
        init() {}
        init(text: String) {
            buffer = Array(text)
            cursor = buffer.count
        }
        var text: String { String(buffer) }
        mutating func insert(_ c: Character) {
            guard buffer.count < 4_000 else { return }
            buffer.insert(c, at: cursor)
            cursor += 1
        }
        mutating func deleteBackward() {
            guard cursor > 0 else { return }
            buffer.remove(at: cursor - 1)
            cursor -= 1
        }
        mutating func deleteForward() {
            guard cursor < buffer.count else { return }
            buffer.remove(at: cursor)
        }
    }

    private func refresh(_ state: State) {
        let tail = Self.width(state.buffer[state.cursor...])
        var line = "\r" + prompt + state.text + "\u{1B}[K"
        if tail > 0 { line += "\u{1B}[\(tail)D" }
        output(line)
    }

    /// Terminal columns of some text: East Asian wide characters and emoji take two.
    static func width(_ characters: some Sequence<Character>) -> Int {
        characters.reduce(0) { total, c in
            guard let v = c.unicodeScalars.first?.value else { return total }
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    /// Assembles one UTF-8 character; an invalid sequence yields nothing.
    private func readCharacter(startingWith lead: UInt8) -> Character? {
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var bytes = [lead]
        while bytes.count < length, let b = readByte() { bytes.append(b) }
        guard let text = String(bytes: bytes, encoding: .utf8), let c = text.first else { return nil }
        return c
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let n = read(STDIN_FILENO, &byte, 1)
            if n == 1 { return byte }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func output(_ text: String) {
        var data = Array(text.utf8)
        data.withUnsafeMutableBytes { _ = write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
