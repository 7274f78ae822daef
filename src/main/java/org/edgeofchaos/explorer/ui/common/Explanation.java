package org.edgeofchaos.explorer.ui.common;

/**
 * Plain-language explanations shown beside the charts and the control groups, each with its formulas one click
 * away (what the quantities mean and what to look for first; the mathematics second).
 */
public enum Explanation {
    CURVES("Loss and accuracy say how well the network sorts the pictures (test: pictures it never saw). λmax says "
            + "whether two almost equal hidden states merge (below 0: order) or drift apart (above 0: chaos); J is "
            + "the spread of the hidden weights. Look for J passing 1 where λmax reaches 0: the edge of chaos.",
            "J = std(W)·√N and J0 = mean(W)·N for the N×N hidden weights W.\n"
            + "λmax = lim (1/T) Σ ln(‖D_t v‖/‖v‖), D_t = diag(1 − x²ₜ₊₁)·W: the Jacobian of x → tanh(Wx).\n"
            + "For random weights the edge is J = 1 when |J0/J| < 1; λmax = ln J below it.\n"
            + "Scaled time (Ctrl+2): epoch·η/((1−α)B)."),
    PHASE("Every point is a random network whose hidden weights have spread J and mean J0. Blue: two nearly equal "
            + "states merge (order); red: they drift apart (chaos); white: the edge between them. A training run "
            + "is drawn as a path: watch it walk down towards the edge. Click a point to inspect it.",
            "x = J0/J, y = 1/J; W_ij ~ Normal(J0/N, J²/N).\n"
            + "Mean-field edge: J²·E[sech⁴(J0·u + J·√q·z)] = 1, with u = E[tanh(…)], q = E[tanh²(…)], z ~ N(0,1);\n"
            + "for |J0/J| < 1 it is exactly J = 1 (1/J = 1).\n"
            + "Colour: λmax of x → tanh(Wx) at N = 400 after 500 steps."),
    ROUTE("How order gives way. Logistic map: as r grows, one stable value splits into 2, 4, 8, … and turns "
            + "chaotic at r ≈ 3.57. Trained network: as J passes 1, watch a pair of W's eigenvalues leave the unit "
            + "circle and the return map close into a loop: an oscillation, not chaos.",
            "Logistic map x → r·x·(1 − x); λ(r) = ⟨ln|r·(1 − 2x)|⟩.\n"
            + "Period doublings at r = 3, 1 + √6 ≈ 3.449, 3.544, …; onset of chaos r ≈ 3.5699456718.\n"
            + "Network: ‖D*‖_F/√N at the attractor (edge at 1); a complex eigenvalue pair crossing the unit circle "
            + "is a Neimark–Sacker bifurcation."),
    SWEEPS("Many runs trained in advance, one per square: learning rate across, batch size down, coloured by what "
            + "you choose (final J, final λmax, best test accuracy, …). Squares on one diagonal (same η/B) look "
            + "alike. Click a square to see its curves and put its settings on the sliders.",
            "Epochs to the edge: e* = (1 − J(0)²)·(1 − α)·B / (k·η), with k measured for the resolution and the "
            + "number of training images;\nthe dashed lines join settings with the same e*."),
    LAWS("The rules behind the runs. J² grows at a speed set by one number, η/((1−α)B): against epoch × that "
            + "number the curves of different runs fall on one line. Weight decay λ pulls J back; near λ = k/(4S) "
            + "J stops at about 1. The guideline turns this into settings.",
            "J²(e) ≈ J²(0) + k·e·η/((1−α)B) in the ordered phase (k ≈ 11 at 28×28 with 60,000 images, ≈ 8 at "
            + "14×14 with 6,000; k ∝ S).\nWeight decay removes 4·η·λ·S/((1−α)·B)·J² per epoch; the two balance at "
            + "J = 1 for λ* = k/(4S)."),
    TRAINING_CONTROLS("How each learning step is taken. A larger learning rate η, more momentum α or a smaller "
            + "batch B all make J grow faster (only η/((1−α)B) counts); weight decay λ holds J back.",
            "SGD with momentum and L2 weight decay (Keras convention):\nv ← α·v − η·(g + 2λ·w);  w ← w + v.\n"
            + "J² grows by k·η/((1−α)B) per epoch; the line below predicts the epoch where J reaches 1."),
    SETUP_CONTROLS("What a run starts from: the pictures (14×14 is 16× faster than 28×28), how many, for how "
            + "many epochs, and the starting spread J and mean J0 of the hidden weights (J below 1 starts in "
            + "order, above 1 in chaos).",
            "W_ij ~ Normal(J0/N, J²/N) with N = 784 inputs at 28×28, 196 at 14×14 (2×2 average pooling).\n"
            + "k, and so the speed per epoch, grows with the number of training images S (k ∝ S).");

    private final String plain;
    private final String formulas;

    Explanation(String plain, String formulas) {
        this.plain = plain;
        this.formulas = formulas;
    }

    /** What it means and what to look for, in plain words. */
    public String plain() {
        return plain;
    }

    /** The formulas behind it. */
    public String formulas() {
        return formulas;
    }
}
