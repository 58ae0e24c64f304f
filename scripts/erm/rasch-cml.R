# Rasch item difficulties by conditional maximum likelihood with eRm (Mair & Hatzinger 2007).
#   Rscript scripts/erm/rasch-cml.R <data.txt> <output.csv>
# data.txt: one line per agent, one character per item (1, 0, or '.' for not presented).
# Output: item, difficulty (= -eRm's easiness parameter beta, sum-zero normalisation), se.
suppressPackageStartupMessages(library(eRm))
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
X <- do.call(rbind, lapply(strsplit(lines, ""), function(chars) suppressWarnings(as.integer(chars))))
fit <- RM(X, sum0 = TRUE)
difficulty <- -fit$betapar
out <- data.frame(item = seq_along(difficulty), difficulty = sprintf("%.10f", difficulty), se = sprintf("%.10f", fit$se.beta))
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
cat(sprintf("eRm %s (R %s): %d agents x %d items, conditional log-likelihood %.4f, %d iterations\n",
            as.character(packageVersion("eRm")), getRversion(), nrow(X), ncol(X), fit$loglik, fit$iter), file = stderr())
