using System.Text;

namespace SearchService.Search.Searching;

/// <summary>A node of a parsed user query.</summary>
public abstract record QueryNode;

/// <summary>A plain word as typed; <see cref="Exact"/> (typed <c>=word</c>) turns synonym expansion off for it.</summary>
public sealed record WordNode(string Word, bool Exact = false) : QueryNode;

/// <summary>A quoted phrase as typed; <see cref="Exact"/> (typed <c>="a phrase"</c>) turns synonym expansion off for it.</summary>
public sealed record PhraseNode(string Phrase, bool Exact = false) : QueryNode;

/// <summary>
/// Words side by side, and the words and phrases to exclude. With all-words matching (the
/// default) every one is required; with <c>match=any</c> one is enough unless marked
/// <see cref="RequiredNode"/>. No words and only exclusions means everything without them.
/// </summary>
public sealed record AllNode(IReadOnlyList<QueryNode> Required, IReadOnlyList<QueryNode> Excluded) : QueryNode;

/// <summary>A word, phrase or group that must match in any mode: typed <c>+word</c>, or joined by AND.</summary>
public sealed record RequiredNode(QueryNode Inner) : QueryNode;

/// <summary>Alternatives joined by OR.</summary>
public sealed record AnyNode(IReadOnlyList<QueryNode> Alternatives) : QueryNode;

/// <summary>Thrown for input the query language cannot read; the message says what and where.</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);

/// <summary>
/// The query language: plain words, "phrases", +required, -exclusions (also -"phrases"),
/// =exact (no synonyms), OR, AND, NOT and parentheses. A recursive-descent parser over a small
/// tokenizer; anything it cannot read raises <see cref="QuerySyntaxException"/> with a readable message.
/// </summary>
public static class UserQuery
{
    private enum T { Word, Phrase, Or, And, Not, Plus, Exact, Open, Close, End }

    private readonly record struct Token(T Kind, string Text, int At);

    public static QueryNode Parse(string input)
    {
        var tokens = Tokenize(input);
        int pos = 0;
        var node = ParseOr(tokens, ref pos, depth: 0);
        if (tokens[pos].Kind == T.Close) throw new QuerySyntaxException($"Unmatched ')' at position {tokens[pos].At + 1}.");
        if (tokens[pos].Kind != T.End) throw new QuerySyntaxException($"Unexpected '{tokens[pos].Text}' at position {tokens[pos].At + 1}.");
        return node ?? throw new QuerySyntaxException("The query has no words to search for.");
    }

    /// <summary>The words of the input with all syntax removed: what a malformed query falls back to.</summary>
    public static IReadOnlyList<string> PlainWords(string input)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in input)
        {
            if (char.IsLetterOrDigit(ch) || ch is '\'' or '’' or '-' && sb.Length > 0) sb.Append(ch);
            else Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            var w = sb.ToString().Trim('-', '\'', '’');
            if (w.Length > 0 && w is not ("OR" or "AND" or "NOT")) words.Add(w);
            sb.Clear();
        }
    }

    private static QueryNode? ParseOr(List<Token> tokens, ref int pos, int depth)
    {
        var alternatives = new List<QueryNode>();
        var first = ParseAll(tokens, ref pos, depth);
        if (first is not null) alternatives.Add(first);
        while (tokens[pos].Kind == T.Or)
        {
            var or = tokens[pos++];
            if (alternatives.Count == 0) throw new QuerySyntaxException($"OR at position {or.At + 1} has nothing before it.");
            var next = ParseAll(tokens, ref pos, depth) ?? throw new QuerySyntaxException($"OR at position {or.At + 1} has nothing after it.");
            alternatives.Add(next);
        }
        return alternatives.Count switch { 0 => null, 1 => alternatives[0], _ => new AnyNode(alternatives) };
    }

    private static QueryNode? ParseAll(List<Token> tokens, ref int pos, int depth)
    {
        var required = new List<QueryNode>();
        var excluded = new List<QueryNode>();
        bool andPending = false;
        while (true)
        {
            var t = tokens[pos];
            if (t.Kind is T.End or T.Or or T.Close) break;
            if (t.Kind == T.And)
            {
                // "a AND b": both sides must match, whatever the matching mode.
                if (required.Count > 0 && required[^1] is not RequiredNode) required[^1] = new RequiredNode(required[^1]);
                andPending = true;
                pos++;
                continue;
            }
            bool not = false, plus = false, exact = false;
            while (t.Kind is T.Not or T.Plus or T.Exact)
            {
                if (t.Kind == T.Not) not = true;
                else if (t.Kind == T.Plus) plus = true;
                else exact = true;
                pos++;
                var next = tokens[pos];
                if (next.Kind is T.End or T.Or or T.Close or T.And)
                    throw new QuerySyntaxException($"'{t.Text}' at position {t.At + 1} must be followed by a word or phrase.");
                t = next;
            }
            var primary = ParsePrimary(tokens, ref pos, depth, exact);
            if (primary is null) continue;
            if (not) excluded.Add(primary);
            else required.Add(plus || andPending ? new RequiredNode(primary) : primary);
            andPending = false;
        }
        if (required.Count == 0 && excluded.Count == 0) return null;
        return required.Count == 1 && excluded.Count == 0 ? required[0] : new AllNode(required, excluded);
    }

    private static QueryNode? ParsePrimary(List<Token> tokens, ref int pos, int depth, bool exact)
    {
        var t = tokens[pos++];
        switch (t.Kind)
        {
            case T.Word: return new WordNode(t.Text, exact);
            case T.Phrase: return t.Text.Trim().Length == 0 ? null : new PhraseNode(t.Text, exact);
            case T.Open:
                if (depth >= 10) throw new QuerySyntaxException("Parentheses are nested too deeply (at most 10 levels).");
                var inner = ParseOr(tokens, ref pos, depth + 1);
                if (tokens[pos].Kind != T.Close) throw new QuerySyntaxException($"The '(' at position {t.At + 1} is never closed.");
                pos++;
                return inner ?? throw new QuerySyntaxException($"The parentheses at position {t.At + 1} are empty.");
            default:
                throw new QuerySyntaxException($"Unexpected '{t.Text}' at position {t.At + 1}.");
        }
    }

    private static List<Token> Tokenize(string input)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < input.Length)
        {
            char c = input[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c is '"' or '“' or '”')
            {
                int close = input.IndexOfAny(['"', '“', '”'], i + 1);
                if (close < 0) throw new QuerySyntaxException($"The quote at position {i + 1} is never closed.");
                tokens.Add(new Token(T.Phrase, input[(i + 1)..close], i));
                i = close + 1;
                continue;
            }
            if (c == '(') { tokens.Add(new Token(T.Open, "(", i++)); continue; }
            if (c == ')') { tokens.Add(new Token(T.Close, ")", i++)); continue; }
            if (c is '-' or '+' or '=' && (i == 0 || char.IsWhiteSpace(input[i - 1]) || input[i - 1] is '(' or '-' or '+' or '=')
                && i + 1 < input.Length && !char.IsWhiteSpace(input[i + 1]))
            {
                // A prefix on the word, phrase or group that follows: -exclude, +require, =exact.
                tokens.Add(new Token(c switch { '-' => T.Not, '+' => T.Plus, _ => T.Exact }, c.ToString(), i++));
                continue;
            }
            if (c == '-' && (i == 0 || char.IsWhiteSpace(input[i - 1]) || input[i - 1] == '('))
            {
                tokens.Add(new Token(T.Not, "-", i++));
                continue;
            }
            int start = i;
            while (i < input.Length && !char.IsWhiteSpace(input[i]) && input[i] is not ('(' or ')' or '"' or '“' or '”')) i++;
            var word = input[start..i];
            tokens.Add(word switch
            {
                "OR" or "|" or "||" => new Token(T.Or, word, start),
                "AND" or "&&" or "+" => new Token(T.And, word, start),
                "NOT" => new Token(T.Not, word, start),
                _ => new Token(T.Word, word, start),
            });
        }
        tokens.Add(new Token(T.End, "", input.Length));
        return tokens;
    }
}
