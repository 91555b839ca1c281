// Site-wide behaviour, decided in the browser so that an unchanged build stays
// right as days pass: the announcement bar (the current slogan during its
// display window), the countdown to 25 March, and the copy buttons of slogans.

function localDate(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day);
}

function today() {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function showAnnouncement() {
  const bar = document.querySelector(".ctxh-announce");
  if (!bar) return;
  const day = today();
  const current = JSON.parse(bar.dataset.ctxhWindows).find(
    (w) => localDate(w.start) <= day && day <= localDate(w.end),
  );
  if (!current) return;
  bar.querySelector(".ctxh-announce__text").textContent = current.text;
  bar.hidden = false;
}

function showCountdown() {
  for (const node of document.querySelectorAll("[data-ctxh-countdown]")) {
    const days = Math.round((localDate(node.dataset.ctxhCountdown) - today()) / 86400000);
    if (days > 0) node.textContent = `Còn ${days} ngày đến Ngày Công tác xã hội Việt Nam.`;
    else if (days === 0) node.textContent = "Hôm nay là Ngày Công tác xã hội Việt Nam!";
    else continue;
    node.hidden = false;
  }
}

function enableCopyButtons() {
  for (const button of document.querySelectorAll("[data-ctxh-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.ctxhCopy);
        button.textContent = "Đã chép";
      } catch {
        button.textContent = "Không chép được";
      }
      setTimeout(() => (button.textContent = "Chép khẩu hiệu"), 2000);
    });
  }
}

showAnnouncement();
showCountdown();
enableCopyButtons();
