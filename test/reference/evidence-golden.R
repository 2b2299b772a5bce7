# Reference values for the evidence estimators (docs/statistics.md, "Reference values and tolerances"), from R.
#
# Writes test/fixtures/stats-golden-evidence-extra.json: cases { fn, args, expect },
# each called as fn(...args) by test/stats/golden-evidence.test.ts. Seeded, so a rerun
# with the same R and metafor gives the same file. CI never needs R.
#
# Regenerate (Debian/Ubuntu, as root):
#   apt-get install -y r-base-core r-cran-metafor r-cran-jsonlite
#   Rscript test/reference/evidence-golden.R        # from the repository root
#
# Independent parts: metafor::rma (REML, Knapp-Hartung), lm, prop.test, t.test, qt.
# clusteredProportion / clusteredMean for k >= 2 follow the formulas of docs/statistics.md
# ("Team and org figures") written out in R (there is no R function for exactly that
# interval); k = 1 uses prop.test / t.test.

suppressPackageStartupMessages({
  library(metafor)
  library(jsonlite)
})

set.seed(20240611)
cases <- list()
add <- function(fn, args, expect) cases[[length(cases) + 1]] <<- list(fn = fn, args = args, expect = expect)

# --- metaRegression: rma(y, v, mods = X, method = "REML", test = "knha") -------------
meta_case <- function(k, q, tau, level, teams = 0) {
  X <- matrix(round(rnorm(k * q), 6), k, q)
  if (teams > 0) {
    team <- sample(rep_len(seq_len(teams), k))
    X <- cbind(X, sapply(seq_len(teams)[-1], function(t) as.numeric(team == t)))
  }
  v <- round(runif(k, 0.002, 0.02), 7)
  slopes <- c(0.05, rep(0, ncol(X) - 1))
  y <- round(0.6 + X %*% slopes + rnorm(k, 0, tau) + rnorm(k, 0, sqrt(v)), 6)
  fit <- rma(yi = as.vector(y), vi = v, mods = X, method = "REML", test = "knha",
             level = 100 * level, control = list(threshold = 1e-12, maxiter = 1000))
  add("metaRegression", list(as.vector(y), v, X, level), list(
    beta = as.vector(fit$beta), se = fit$se, t = fit$zval, p = fit$pval,
    lower = fit$ci.lb, upper = fit$ci.ub, df = fit$k - fit$p, tau2 = fit$tau2))
}
meta_case(15, 2, 0.05, 0.95)
meta_case(24, 6, 0.08, 0.95)
meta_case(40, 3, 0.00, 0.95)
meta_case(48, 6, 0.06, 0.95, teams = 4)
meta_case(100, 4, 0.10, 0.90)
meta_case(30, 1, 0.03, 0.99, teams = 3)

# --- typeAdjustedEffects: lm(y ~ 0 + rep + type) ------------------------------------
types_all <- c("call", "demo", "meeting", "quote", "support")
type_data <- function(reps, kind, isolated = FALSE) {
  rows <- do.call(rbind, lapply(seq_len(reps), function(i) {
    n <- sample(c(2:4, 5:30), 1)
    mix <- runif(length(types_all))^2
    data.frame(rep = sprintf("r%02d", i), type = sample(types_all, n, TRUE, mix), stringsAsFactors = FALSE)
  }))
  if (isolated) {
    # Two reps linked only to each other (chat), one rep on its own (visit): outside the main set.
    rows <- rbind(rows,
      data.frame(rep = rep(c("r90", "r91"), c(7, 9)), type = "chat"),
      data.frame(rep = "r95", type = rep("visit", 6)),
      data.frame(rep = "r96", type = rep(c("visit", "chat"), c(2, 1))))
  }
  rep_effect <- setNames(rnorm(length(unique(rows$rep)), 0, 0.5), unique(rows$rep))
  type_effect <- c(call = 0, demo = 0.6, meeting = 0.3, quote = -0.2, support = -0.5, chat = 0.1, visit = 0.2)
  eta <- rep_effect[rows$rep] + type_effect[rows$type]
  rows$y <- switch(kind,
    fcr = rbinom(nrow(rows), 1, plogis(0.5 + eta)),
    likert = pmin(5, pmax(1, round(3.4 + eta + rnorm(nrow(rows), 0, 0.9)))),
    hours = round(log(rlnorm(nrow(rows), 1.5 + eta, 0.7)), 6))
  rows
}

# Components of the rep-type graph; the largest = most reps, then most links, then first rep key.
largest_set <- function(d) {
  links <- unique(d[, c("rep", "type")])
  reps <- sort(unique(links$rep), method = "radix")
  label <- setNames(seq_along(reps), reps)
  repeat {
    by_type <- tapply(label[links$rep], links$type, min)
    updated <- pmin(label, tapply(by_type[links$type], links$rep, min)[reps])
    if (all(updated == label)) break
    label <- updated
  }
  sizes <- table(label)
  link_count <- table(label[links$rep])
  candidates <- names(sizes)[sizes == max(sizes)]
  candidates <- candidates[link_count[candidates] == max(link_count[candidates])]
  names(label)[label == as.integer(candidates[1])]  # labels are first reps' positions: smallest key wins
}

type_adjusted <- function(d, min_answers) {
  counts <- table(d$rep)
  d <- d[d$rep %in% names(counts)[counts >= min_answers], ]
  in_set <- d$rep %in% largest_set(d)
  fitted <- d[in_set, ]
  fitted$rep <- factor(fitted$rep)
  fitted$type <- factor(fitted$type, levels = sort(unique(fitted$type), method = "radix"))
  fit <- lm(y ~ 0 + rep + type, data = fitted)
  b <- c(0, coef(fit)[-seq_len(nlevels(fitted$rep))])
  mix <- sum(as.vector(table(fitted$type)) / nrow(fitted) * b)
  sigma2 <- sum(residuals(fit)^2) / fit$df.residual
  n <- as.vector(table(fitted$rep))
  out <- data.frame(rep = levels(fitted$rep), n = n,
                    estimate = as.vector(coef(fit)[seq_len(nlevels(fitted$rep))]) + mix,
                    variance = sigma2 / n, stringsAsFactors = FALSE)
  for (r in unique(d$rep[!in_set])) {
    y <- d$y[d$rep == r]
    out <- rbind(out, data.frame(rep = r, n = length(y), estimate = mean(y), variance = var(y) / length(y)))
  }
  out[order(out$rep, method = "radix"), ]
}

for (spec in list(list(12, "fcr", FALSE), list(20, "likert", TRUE), list(9, "hours", TRUE), list(30, "likert", FALSE))) {
  d <- type_data(spec[[1]], spec[[2]], spec[[3]])
  add("typeAdjustedEffectsDefault", list(d$rep, d$type, d$y), type_adjusted(d, 5))
}
d <- type_data(8, "hours", FALSE)
add("typeAdjustedEffects", list(d$rep, d$type, d$y), type_adjusted(d, 1))

# --- clusteredProportion / clusteredMean -----------------------------------------------
wilson_t <- function(p, n, z) {
  centre <- (p + z^2 / (2 * n)) / (1 + z^2 / n)
  half <- z / (1 + z^2 / n) * sqrt(p * (1 - p) / n + z^2 / (4 * n^2))
  c(max(0, centre - half), min(1, centre + half))
}
clustered_prop <- function(x, n, level) {
  keep <- n > 0; x <- x[keep]; n <- n[keep]; k <- length(n); N <- sum(n); p <- sum(x) / N
  if (k == 1) {
    ci <- prop.test(x, n, conf.level = level, correct = FALSE)$conf.int
    return(list(estimate = p, lower = ci[1], upper = ci[2], designEffect = 1, effectiveN = N))
  }
  v_cr <- k / (k - 1) * sum((x - p * n)^2) / N^2
  v_srs <- p * (1 - p) / N
  deff <- if (v_srs > 0) max(1, v_cr / v_srs) else 1
  ci <- wilson_t(p, N / deff, qt((1 + level) / 2, k - 1))
  list(estimate = p, lower = ci[1], upper = ci[2], designEffect = deff, effectiveN = N / deff)
}
for (spec in list(list(6, 0.95, 0.3), list(25, 0.95, 0.05), list(40, 0.9, 0.6), list(3, 0.99, 0.2))) {
  k <- spec[[1]]
  n <- sample(c(0, 5:80), k, TRUE)
  prob <- plogis(qlogis(0.6) + rnorm(k, 0, spec[[3]] * 3))
  x <- rbinom(k, n, prob)
  add("clusteredProportion", list(x, n, spec[[2]]), clustered_prop(x, n, spec[[2]]))
}
add("clusteredProportion", list(c(0, 0, 0), c(10, 12, 9), 0.95), clustered_prop(c(0, 0, 0), c(10, 12, 9), 0.95))
add("clusteredProportion", list(I(13), I(20), 0.95), clustered_prop(13, 20, 0.95))  # I(): keep arrays of one

clustered_mean_case <- function(k, level, spread) {
  counts <- sample(if (k == 1) 3:60 else c(0, 3:60), k, TRUE)
  ys <- lapply(seq_len(k), function(i) pmin(5, pmax(1, round(3.5 + rnorm(1, 0, spread) + rnorm(counts[i], 0, 1)))))
  s <- sapply(ys, sum); ss <- sapply(ys, function(y) sum(y^2))
  y <- unlist(ys); N <- length(y); m <- mean(y); keep <- counts > 0; kk <- sum(keep)
  if (kk == 1) {
    tt <- t.test(y, conf.level = level)
    expect <- list(mean = m, se = tt$stderr, lower = tt$conf.int[1], upper = tt$conf.int[2], df = N - 1, designEffect = 1)
  } else {
    v_cr <- kk / (kk - 1) * sum((s[keep] - m * counts[keep])^2) / N^2
    v_srs <- var(y) / N
    se <- sqrt(max(v_cr, v_srs))
    half <- qt((1 + level) / 2, kk - 1) * se
    expect <- list(mean = m, se = se, lower = m - half, upper = m + half, df = kk - 1, designEffect = max(1, v_cr / v_srs))
  }
  add("clusteredMean", list(I(s), I(ss), I(counts), level), expect)  # I(): arrays even when k = 1
}
clustered_mean_case(5, 0.95, 0.6)
clustered_mean_case(30, 0.95, 0.3)
clustered_mean_case(12, 0.8, 0)
clustered_mean_case(1, 0.95, 0)

# --- ancovaEffect: lm(post ~ treated + X) ----------------------------------------------
ancova_case <- function(n, q, level) {
  treated <- sample(rep_len(c(0, 1), n))
  X <- matrix(round(runif(n * q, 0.4, 0.8), 6), n, q)
  post <- round(0.2 + 0.04 * treated + X %*% rep(0.5 / q, q) + rnorm(n, 0, 0.05), 6)
  fit <- lm(post ~ treated + X)
  row <- summary(fit)$coefficients["treated", ]
  ci <- confint(fit, "treated", level = level)
  add("ancovaEffect", list(as.vector(post), treated, X, level), list(
    effect = row[["Estimate"]], se = row[["Std. Error"]], t = row[["t value"]], df = fit$df.residual,
    p = row[["Pr(>|t|)"]], lower = ci[1], upper = ci[2]))
}
ancova_case(8, 1, 0.95)
ancova_case(25, 3, 0.95)
ancova_case(60, 2, 0.9)

# --- minimumDetectableEffect: (qt(1 - alpha/2, df) + qt(power, df)) * se -----------------
for (spec in list(c(0.02, 5, 0.05, 0.8), c(0.11, 47, 0.05, 0.8), c(1.3, 400, 0.01, 0.95))) {
  add("minimumDetectableEffect", as.list(spec), (qt(1 - spec[3] / 2, spec[2]) + qt(spec[4], spec[2])) * spec[1])
}

out <- file.path("test", "fixtures", "stats-golden-evidence-extra.json")
writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, dataframe = "rows", matrix = "rowmajor"), out)
cat(sprintf("wrote %d cases to %s (R %s, metafor %s)\n", length(cases), out,
            getRversion(), packageVersion("metafor")))
