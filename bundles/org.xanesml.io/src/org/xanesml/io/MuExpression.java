/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.io;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;

/**
 * How mu is formed from the columns of a file, written as a small arithmetic expression, for detectors the readers
 * cannot guess (multi-element fluorescence, a sample channel under an unusual name). Grammar:
 * <pre>
 * expr    := term (('+' | '-') term)*
 * term    := factor (('*' | '/') factor)*
 * factor  := '-' factor | number | column | '$' digits | 'ln(' expr ')' | 'sum(' pattern ')' | '(' expr ')'
 * column  := a column name: letters, digits, '_' and '.', not starting with a digit (case-insensitive); any other
 *            name in double quotes ({@code "xmu(fluo)"})
 * pattern := a column name with '*' and '?' wildcards; sum() adds every matching column (the channels of a
 *            multi-element detector: {@code sum(Fe_Ka_mca*)})
 * </pre>
 * {@code $3} is the third column (1-based); an expression that is only digits ({@code 2}) is column 2, as in
 * {@link ColumnChoice}. Examples: {@code ln(I0/IT)}, {@code sum(Fe_Ka_mca*)/I0}, {@code (Fe_Ka_mca1+Fe_Ka_mca2)/I0}.
 * <p>
 * Nothing is executed but these operations: no script engine, no names outside the file's columns. A row where the
 * result is not a finite number (ln of a non-positive ratio, a zero I0) is a non-finite point, handled by the
 * {@link NonFinitePolicy}. Immutable.
 */
public final class MuExpression {
    /** The columns an expression is evaluated over: names (as in the file) and values. */
    public interface Columns {
        /** @return the column names, in file order (a name may be "" for an unlabelled column) */
        List<String> names();

        /** @return the values of column {@code index} (0-based); not modified by the expression */
        double[] values(int index);

        /** @return the number of rows */
        int rows();

        /** @return columns with these names, whose values {@code values} gives by 0-based index */
        static Columns of(List<String> names, IntFunction<double[]> values, int rows) {
            List<String> copy = List.copyOf(names);
            return new Columns() {
                @Override
                public List<String> names() {
                    return copy;
                }

                @Override
                public double[] values(int index) {
                    return values.apply(index);
                }

                @Override
                public int rows() {
                    return rows;
                }
            };
        }
    }

    private static final int MAX_LENGTH = 2000;

    private final String text;
    private final Node root;

    private MuExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * @throws IllegalArgumentException naming the position and what was expected, for text outside the grammar
     */
    public static MuExpression parse(String text) {
        Objects.requireNonNull(text, "mu expression");
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the mu expression is empty; expected e.g. ln(I0/IT) or sum(ch*)/I0");
        }
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the mu expression has " + t.length() + " characters; at most "
                    + MAX_LENGTH + " are read");
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return new MuExpression(t, new ColumnNumber(Integer.parseInt(t.length() > 6 ? "0" : t)));
        }
        Parser p = new Parser(t);
        Node root = p.expr();
        p.skipSpaces();
        if (p.pos < t.length()) {
            throw p.error("expected an operator (+ - * /) or the end");
        }
        return new MuExpression(t, root);
    }

    /** @return the expression as written (stripped) */
    public String text() {
        return text;
    }

    /**
     * @return mu for every row
     * @throws IllegalArgumentException naming a column the file does not have (with the columns it has)
     */
    public double[] evaluate(Columns columns) {
        return root.eval(columns);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MuExpression m && m.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        double[] eval(Columns c);
    }

    private record Constant(double value) implements Node {
        @Override
        public double[] eval(Columns c) {
            double[] out = new double[c.rows()];
            java.util.Arrays.fill(out, value);
            return out;
        }
    }

    private record ColumnNumber(int number) implements Node {
        @Override
        public double[] eval(Columns c) {
            if (number < 1 || number > c.names().size()) {
                throw new IllegalArgumentException("mu expression: column $" + number + " does not exist; the file"
                        + " has columns 1.." + c.names().size());
            }
            return c.values(number - 1).clone();
        }
    }

    private record ColumnName(String name) implements Node {
        @Override
        public double[] eval(Columns c) {
            List<String> names = c.names();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return c.values(i).clone();
                }
            }
            throw new IllegalArgumentException("mu expression: no column '" + name + "'; the columns are " + names);
        }
    }

    private record Sum(String pattern) implements Node {
        @Override
        public double[] eval(Columns c) {
            // The glob syntax of file names, over lower-case names: Fe_Ka_mca* matches Fe_Ka_mca1..8.
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern.toLowerCase(Locale.ROOT));
            double[] out = new double[c.rows()];
            int matched = 0;
            List<String> names = c.names();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).isEmpty() && m.matches(Path.of(names.get(i).toLowerCase(Locale.ROOT)))) {
                    double[] v = c.values(i);
                    for (int r = 0; r < out.length; r++) {
                        out[r] += v[r];
                    }
                    matched++;
                }
            }
            if (matched == 0) {
                throw new IllegalArgumentException("mu expression: sum(" + pattern + ") matches no column; the"
                        + " columns are " + names);
            }
            return out;
        }
    }

    /** A function of one value applied to every row: ln, negation. */
    private record Unary(DoubleUnaryOperator f, Node arg) implements Node {
        // ln of a non-positive value is NaN: a non-finite point, for the policy to drop or refuse
        static final DoubleUnaryOperator LN = x -> x > 0 ? Math.log(x) : Double.NaN;
        static final DoubleUnaryOperator NEGATE = x -> -x;

        @Override
        public double[] eval(Columns c) {
            double[] v = arg.eval(c);
            for (int r = 0; r < v.length; r++) {
                v[r] = f.applyAsDouble(v[r]);
            }
            return v;
        }
    }

    private record Binary(char op, Node left, Node right) implements Node {
        @Override
        public double[] eval(Columns c) {
            double[] a = left.eval(c);
            double[] b = right.eval(c);
            for (int r = 0; r < a.length; r++) {
                a[r] = switch (op) {
                    case '+' -> a[r] + b[r];
                    case '-' -> a[r] - b[r];
                    case '*' -> a[r] * b[r];
                    default -> a[r] / b[r];
                };
            }
            return a;
        }
    }

    /** Recursive descent over the grammar above; every error names the character position (1-based). */
    private static final class Parser {
        private final String s;
        private int pos;
        private int depth;

        Parser(String s) {
            this.s = s;
        }

        Node expr() {
            if (++depth > 100) {
                throw error("nesting deeper than 100 levels");
            }
            Node n = term();
            while (true) {
                skipSpaces();
                if (peek('+') || peek('-')) {
                    char op = s.charAt(pos++);
                    n = new Binary(op, n, term());
                } else {
                    depth--;
                    return n;
                }
            }
        }

        Node term() {
            Node n = factor();
            while (true) {
                skipSpaces();
                if (peek('*') || peek('/')) {
                    char op = s.charAt(pos++);
                    n = new Binary(op, n, factor());
                } else {
                    return n;
                }
            }
        }

        Node factor() {
            skipSpaces();
            if (pos >= s.length()) {
                throw error("expected a column, a number, ln(...), sum(...) or '('");
            }
            char c = s.charAt(pos);
            if (c == '-') {
                pos++;
                return new Unary(Unary.NEGATE, factor());
            }
            if (c == '(') {
                pos++;
                Node n = expr();
                expect(')');
                return n;
            }
            if (c == '"') {
                int close = s.indexOf('"', pos + 1);
                if (close < 0 || close == pos + 1) {
                    throw error(close < 0 ? "a quoted column name is not closed; expected '\"'"
                            : "empty quoted column name");
                }
                String name = s.substring(pos + 1, close);
                pos = close + 1;
                return new ColumnName(name);
            }
            if (c == '$') {
                pos++;
                int start = pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (start == pos || pos - start > 6) {
                    throw error("expected a column number after '$'");
                }
                return new ColumnNumber(Integer.parseInt(s.substring(start, pos)));
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.'
                        || ((s.charAt(pos) == 'e' || s.charAt(pos) == 'E') && pos + 1 < s.length())
                        || ((s.charAt(pos) == '+' || s.charAt(pos) == '-') && pos > start
                                && (s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')))) {
                    pos++;
                }
                try {
                    return new Constant(Double.parseDouble(s.substring(start, pos)));
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("'" + s.substring(start, Math.min(s.length(), start + 20)) + "' is not a number");
                }
            }
            if (isNameStart(c)) {
                int start = pos;
                while (pos < s.length() && isNamePart(s.charAt(pos))) {
                    pos++;
                }
                String name = s.substring(start, pos);
                skipSpaces();
                if (peek('(')) {
                    String fn = name.toLowerCase(Locale.ROOT);
                    pos++;
                    if (fn.equals("ln")) {
                        Node arg = expr();
                        expect(')');
                        return new Unary(Unary.LN, arg);
                    }
                    if (fn.equals("sum")) {
                        skipSpaces();
                        int from = pos;
                        while (pos < s.length() && (isNamePart(s.charAt(pos)) || s.charAt(pos) == '*'
                                || s.charAt(pos) == '?')) {
                            pos++;
                        }
                        if (from == pos) {
                            throw error("expected a column name pattern such as ch* inside sum(...)");
                        }
                        String pattern = s.substring(from, pos);
                        expect(')');
                        return new Sum(pattern);
                    }
                    pos = start;
                    throw error("unknown function '" + name + "'; expected ln(...) or sum(...)");
                }
                return new ColumnName(name);
            }
            throw error("unexpected '" + c + "'; expected a column, a number, ln(...), sum(...) or '('");
        }

        void expect(char c) {
            skipSpaces();
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        boolean peek(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("mu expression '" + s + "', at character " + (pos + 1) + ": " + what);
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        private static boolean isNamePart(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '.';
        }
    }
}
