/*
 * xanesml - XANES local-environment classification for Eclipse RCP beamline clients.
 * Copyright (C) 2026 the xanesml authors. GPL-3.0-or-later, see LICENSE.
 */
package org.xanesml.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.InvalidObjectException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.xanesml.classify.ModelBundle.InvalidModelException;

import weka.classifiers.Classifier;
import weka.classifiers.functions.MultilayerPerceptron;

/**
 * Deserialises a model file's Weka payload without trusting it. Besides the class allow-list
 * ({@link ModelBundle#PAYLOAD_FILTER}, checked before a class is initialised), it bounds what could make reading
 * slow or large: object nesting depth, objects, array lengths, hash-table sizes, collections nested in collections
 * (the "SerialDOS" shape, nested hash sets whose hash codes cost 2^depth to compute while they are read), and the
 * time taken. The limits are several times what the shipped models and every learner xanesml trains need (measured:
 * depth 53 for a 200-tree forest, 1.1 million objects for the Fe CN vote, arrays of 3,365, hash tables of 256 slots,
 * no collection inside a collection).
 */
final class ModelPayload {
    /** Object nesting: forests and C4.5 trees need about 2 per tree level; the shipped models 47 at most. */
    static final int MAX_DEPTH = 100;
    /**
     * A multilayer perceptron's neurons are serialised as one chain, about 4 levels per hidden unit or input (263 for
     * 64 hidden units on 76 inputs); its payloads may nest this deep, read on a thread with a large stack.
     */
    static final int MAX_DEPTH_PERCEPTRON = 4_100;
    static final long MAX_OBJECTS = 4_000_000;
    static final int MAX_ARRAY = 1_000_000;
    /** Slots of a deserialised hash table: bounds the cost of keys that all collide. */
    static final int MAX_HASH_SLOTS = 4_096;
    /** Collections inside collections: Weka models have none; nested hash sets are the hash-flooding shape. */
    static final int MAX_COLLECTION_NESTING = 3;
    /** The shipped models deserialise in well under a second. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(20);
    private static final long READER_STACK_BYTES = 64L << 20;
    /** The collection classes a Weka model holds; their iteration is safe on any content. */
    private static final Set<String> KNOWN_COLLECTIONS = Set.of("java.util.ArrayList", "java.util.HashMap",
            "java.util.Hashtable", "weka.core.Instances", "weka.core.FastVector");

    private ModelPayload() {
    }

    /**
     * @param limit refusal after this long; the reading thread stops at its next object
     * @return the classifier
     * @throws InvalidModelException naming {@code where} and what was refused
     */
    static Classifier read(byte[] payload, String where, Duration limit) throws IOException {
        Guard guard = new Guard(System.nanoTime() + limit.toNanos(), limit);
        FutureTask<Object> task = new FutureTask<>(() -> {
            try (ObjectInputStream in = new GuardedStream(new ByteArrayInputStream(payload), guard)) {
                return in.readObject();
            }
        });
        Thread reader = new Thread(null, task, "xanesml model reader", READER_STACK_BYTES);
        reader.setDaemon(true);
        reader.start();
        Object o;
        try {
            o = task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            guard.abort();
            throw new InvalidModelException(String.format(Locale.ROOT, "%s: reading %s took longer than %s, so it"
                    + " was refused (a model loads in well under a second)", where, ModelBundle.PAYLOAD_ENTRY,
                    text(limit)), e);
        } catch (InterruptedException e) {
            guard.abort();
            Thread.currentThread().interrupt();
            InterruptedIOException stop = new InterruptedIOException(where + ": reading the model was interrupted");
            stop.initCause(e);
            throw stop;
        } catch (ExecutionException e) {
            throw refusal(where, guard, e.getCause());
        }
        if (!(o instanceof Classifier c)) {
            throw new InvalidModelException(where + ": " + ModelBundle.PAYLOAD_ENTRY + " holds no Weka classifier");
        }
        return c;
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static InvalidModelException refusal(String where, Guard guard, Throwable cause) {
        String entry = ModelBundle.PAYLOAD_ENTRY;
        if (guard.reason != null) {
            return new InvalidModelException(where + ": " + entry + " was refused: " + guard.reason, cause);
        }
        if (cause instanceof StackOverflowError) {
            return new InvalidModelException(where + ": " + entry + " was refused: its objects nest too deeply",
                    cause);
        }
        if (cause instanceof ClassNotFoundException) {
            return new InvalidModelException(where + ": " + entry + " needs a class this installation does not have ("
                    + cause.getMessage() + ")", cause);
        }
        if (cause instanceof Error err) {
            // an Error other than the stack's (out of memory, linkage) is not a property of the file
            throw err;
        }
        return new InvalidModelException(where + ": " + entry + " is damaged, incomplete or written by another Weka"
                + " version, and cannot be read back", cause);
    }

    /** The limits, checked at every class, array and back-reference the stream reads; says why it refused. */
    private static final class Guard implements ObjectInputFilter {
        private final ObjectInputFilter allowList = ObjectInputFilter.Config.createFilter(ModelBundle.PAYLOAD_FILTER);
        private final long deadline;
        private final Duration limit;
        private volatile boolean aborted;
        private Class<?> root;
        volatile String reason;

        Guard(long deadline, Duration limit) {
            this.deadline = deadline;
            this.limit = limit;
        }

        void abort() {
            aborted = true;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (aborted || System.nanoTime() > deadline) {
                return refuse("reading it took longer than " + text(limit));
            }
            Class<?> c = info.serialClass();
            if (root == null && c != null) {
                root = c;
            }
            long depthLimit = root == MultilayerPerceptron.class ? MAX_DEPTH_PERCEPTRON : MAX_DEPTH;
            if (info.depth() > depthLimit) {
                return refuse("its objects nest more than " + depthLimit + " deep");
            }
            if (info.references() > MAX_OBJECTS) {
                return refuse("it holds more than " + MAX_OBJECTS + " objects");
            }
            if (c == Map.Entry[].class && info.arrayLength() > MAX_HASH_SLOTS) {
                return refuse("it declares a hash table of " + info.arrayLength() + " slots, more than "
                        + MAX_HASH_SLOTS + " (a hash-flooding shape)");
            }
            if (info.arrayLength() > MAX_ARRAY) {
                return refuse("it declares an array of " + info.arrayLength() + " elements, more than " + MAX_ARRAY);
            }
            Status s = allowList.checkInput(info);
            if (s == Status.REJECTED) {
                return refuse(c == null ? "it exceeds the size limits of a model"
                        : "it refers to a class outside the allow-list of model classes (" + c.getName() + ")");
            }
            return s;
        }

        private Status refuse(String why) {
            if (reason == null) {
                reason = why;
            }
            return Status.REJECTED;
        }
    }

    /**
     * Resolves classes without initialising them (the allow-list is checked before any of their code runs), and
     * measures how deeply collections nest as each is completed, before its container hashes it.
     */
    private static final class GuardedStream extends ObjectInputStream {
        private final Guard guard;
        private final IdentityHashMap<Object, Integer> nesting = new IdentityHashMap<>();

        GuardedStream(InputStream in, Guard guard) throws IOException {
            super(in);
            this.guard = guard;
            setObjectInputFilter(guard);
            enableResolveObject(true);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, Classifier.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                // primitive types and the platform's classes
                return super.resolveClass(desc);
            }
        }

        @Override
        protected Object resolveObject(Object o) throws IOException {
            if (!(o instanceof Collection<?>) && !(o instanceof Map<?, ?>)) {
                return o;
            }
            if (!KNOWN_COLLECTIONS.contains(o.getClass().getName())) {
                guard.refuse("it holds a kind of collection no model holds (" + o.getClass().getName() + ")");
                throw new InvalidObjectException(guard.reason);
            }
            int depth = 1;
            if (o instanceof Collection<?> c) {
                for (Object e : c) {
                    depth = Math.max(depth, 1 + nestingOf(e));
                }
            } else {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                    depth = Math.max(depth, 1 + Math.max(nestingOf(e.getKey()), nestingOf(e.getValue())));
                }
            }
            if (depth > MAX_COLLECTION_NESTING) {
                guard.refuse("it nests collections " + depth + " deep inside each other, more than "
                        + MAX_COLLECTION_NESTING + " (the hash-flooding shape)");
                throw new InvalidObjectException(guard.reason);
            }
            nesting.put(o, depth);
            return o;
        }

        private int nestingOf(Object o) {
            return o == null ? 0 : nesting.getOrDefault(o, 0);
        }
    }
}
